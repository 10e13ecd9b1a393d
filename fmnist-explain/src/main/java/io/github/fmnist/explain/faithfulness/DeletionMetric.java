package io.github.fmnist.explain.faithfulness;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.explain.BatchExplainer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The deletion metric (Petsiuk et al., RISE, 2018): pixels are set to 0 (the background) in order of
 * decreasing relevance, in {@code steps} equal steps; the classifier's probability of the explained class is
 * recorded after each step and summarised by the area under the curve. A faithful map makes the probability
 * collapse early, so its AUC is lower than that of a random map.
 *
 * <pre>{@code
 * DeletionMetric deletion = new DeletionMetric(cnn, 20, 42);
 * DeletionComparison c = deletion.compare(gradCam, testImages.slice(0, 500));
 * log.info("Grad-CAM AUC {} vs random {}", c.explainerAuc(), c.randomAuc());
 * }</pre>
 *
 * Equal relevance values are removed in a seeded random order, so flat regions of a map are not deleted
 * top-left first. Deterministic for a given seed. Thread-safe when the classifier is.
 */
public final class DeletionMetric {
    /** Default number of deletion steps: 5 % of the pixels per step. */
    public static final int DEFAULT_STEPS = 20;
    /**
     * Default resolution of the random maps: 28, i.e. every pixel's relevance drawn independently (the usual
     * baseline). A coarser grid (e.g. 7, bilinearly upsampled) gives a smooth random map that removes
     * contiguous regions like a class activation map does; it is a different, often harder, baseline, so
     * reports should say which one they used.
     */
    public static final int DEFAULT_RANDOM_MAP_CELLS = Image.SIDE;

    private final Classifier classifier;
    private final int steps;
    private final int randomMapCells;
    private final long seed;
    private final int[] tieBreak;

    /** {@link #DEFAULT_RANDOM_MAP_CELLS} random maps. */
    public DeletionMetric(Classifier classifier, int steps, long seed) {
        this(classifier, steps, DEFAULT_RANDOM_MAP_CELLS, seed);
    }

    /**
     * @param steps          number of deletion steps, 1..784 (one classifier call with {@code steps + 1} images per curve)
     * @param randomMapCells side of the random maps' noise grid, 1..28 (28 = independent pixels)
     * @param seed           seeds the random maps and the order of equally relevant pixels
     */
    public DeletionMetric(Classifier classifier, int steps, int randomMapCells, long seed) {
        if (steps < 1 || steps > Image.PIXELS) {
            throw new InvalidInputException("deletion steps must be in [1, " + Image.PIXELS + "], found " + steps);
        }
        if (randomMapCells < 1 || randomMapCells > Image.SIDE) {
            throw new InvalidInputException("random map cells must be in [1, " + Image.SIDE + "], found " + randomMapCells);
        }
        this.classifier = classifier;
        this.steps = steps;
        this.randomMapCells = randomMapCells;
        this.seed = seed;
        this.tieBreak = randomRanks(new SplittableRandom(seed));
    }

    /** The deletion curve of {@code relevance} (784 values, larger = removed earlier) for {@code target}. */
    public DeletionCurve curve(Image image, float[] relevance, FashionClass target) {
        if (relevance.length != Image.PIXELS) {
            throw new InvalidInputException("a relevance map needs " + Image.PIXELS + " values, found " + relevance.length);
        }
        Integer[] order = IntStream.range(0, Image.PIXELS).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -relevance[i]).thenComparingInt(i -> tieBreak[i]));
        float[] pixels = image.toNormalized();
        float[] nchw = new float[(steps + 1) * Image.PIXELS];
        int removed = 0;
        for (int s = 0; s <= steps; s++) {
            int until = (int) Math.round((double) s * Image.PIXELS / steps);
            for (; removed < until; removed++) {
                pixels[order[removed]] = 0f;
            }
            System.arraycopy(pixels, 0, nchw, s * Image.PIXELS, Image.PIXELS);
        }
        float[][] rows = classifier.predictNormalized(nchw);
        float[] probabilities = new float[steps + 1];
        double auc = 0;
        for (int s = 0; s <= steps; s++) {
            probabilities[s] = rows[s][target.label()];
            if (s > 0) {
                auc += (probabilities[s - 1] + probabilities[s]) / 2.0 / steps;
            }
        }
        return new DeletionCurve(probabilities, auc);
    }

    /** The deletion curve of an explanation, for the class it explains. */
    public DeletionCurve curve(Image image, Explanation explanation) {
        return curve(image, explanation.relevance(), explanation.target());
    }

    /**
     * Explains each image's predicted class with {@code explainer} and compares the mean deletion AUC of its
     * maps with that of random maps of the same smoothness ({@link #randomMap}, seeded by the metric's seed and
     * the image index).
     */
    public DeletionComparison compare(Explainer explainer, ImageBatch images) {
        if (images.isEmpty()) {
            throw new InvalidInputException("the deletion metric needs at least one image");
        }
        double explainerSum = 0;
        double randomSum = 0;
        int wins = 0;
        String method = "";
        List<Explanation> explanations = new BatchExplainer(explainer, 1).explainPredicted(images);
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            Explanation e = explanations.get(i);
            method = e.method();
            double mapAuc = curve(image, e).auc();
            double randomAuc = curve(image, randomMap(i), e.target()).auc();
            explainerSum += mapAuc;
            randomSum += randomAuc;
            if (mapAuc < randomAuc) {
                wins++;
            }
        }
        return new DeletionComparison(method, images.size(), explainerSum / images.size(), randomSum / images.size(), wins);
    }

    /**
     * The seeded random map used for image {@code index} by {@link #compare}: uniform noise on a
     * {@code randomMapCells²} grid, upsampled bilinearly with aligned centres.
     */
    public float[] randomMap(int index) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        int n = randomMapCells;
        double[] cells = new double[n * n];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = random.nextDouble();
        }
        float[] map = new float[Image.PIXELS];
        for (int row = 0; row < Image.SIDE; row++) {
            double sy = source(row, n);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, n - 1);
            for (int col = 0; col < Image.SIDE; col++) {
                double sx = source(col, n);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, n - 1);
                double top = cells[y0 * n + x0] + (cells[y0 * n + x1] - cells[y0 * n + x0]) * (sx - x0);
                double bottom = cells[y1 * n + x0] + (cells[y1 * n + x1] - cells[y1 * n + x0]) * (sx - x0);
                map[row * Image.SIDE + col] = (float) (top + (bottom - top) * (sy - y0));
            }
        }
        return map;
    }

    private static double source(int pixel, int cells) {
        return Math.max(0, Math.min(cells - 1, (pixel + 0.5) * cells / Image.SIDE - 0.5));
    }

    private static int[] randomRanks(SplittableRandom random) {
        int[] permutation = IntStream.range(0, Image.PIXELS).toArray();
        for (int i = permutation.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        return permutation;
    }
}
