package io.github.fmnist.explain.occlusion;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Occlusion sensitivity (Zeiler and Fergus, 2014), model-agnostic: a square patch of constant value slides
 * over the image; each pixel's relevance is the mean drop of the target probability over the patches that
 * cover it, negative drops cut to zero, divided by the maximum. Needs only {@code predictNormalized}, so it
 * explains every classifier. The occluded images go to the classifier in batches of at most
 * {@code batchSize}. Thread-safe when the classifier is.
 *
 * <pre>{@code
 * Explainer occlusion = new Occlusion(logreg, 6, 2, 0f, 256);
 * }</pre>
 */
public final class Occlusion implements Explainer {
    /** The explainer id. */
    public static final String ID = "occlusion";

    private final Classifier classifier;
    private final int patch;
    private final int stride;
    private final float fill;
    private final int batchSize;
    private final List<Integer> offsets;

    /**
     * @param patch     side of the square patch in pixels, 1..28
     * @param stride    step between patch positions, 1..28; the last position always touches the border
     * @param fill      the patch's normalised value (0 = background)
     * @param batchSize most occluded images per classifier call
     * @throws InvalidInputException for values outside those ranges
     */
    public Occlusion(Classifier classifier, int patch, int stride, float fill, int batchSize) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        check("patch", patch, 1, Image.SIDE);
        check("stride", stride, 1, Image.SIDE);
        check("batch size", batchSize, 1, Integer.MAX_VALUE);
        if (!(fill >= 0f && fill <= 1f)) {
            throw new InvalidInputException("occlusion fill must be in [0, 1], found " + fill);
        }
        this.patch = patch;
        this.stride = stride;
        this.fill = fill;
        this.batchSize = batchSize;
        this.offsets = offsets(patch, stride);
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException("occlusion " + what + " must be in [" + min + ", " + max + "], found " + value);
        }
    }

    private static List<Integer> offsets(int patch, int stride) {
        List<Integer> out = new ArrayList<>();
        int last = Image.SIDE - patch;
        for (int o = 0; o < last; o += stride) {
            out.add(o);
        }
        out.add(last);
        return List.copyOf(out);
    }

    /** How many occluded images one explanation classifies. */
    public int occludedImagesPerExplanation() {
        return offsets.size() * offsets.size();
    }

    @Override
    public Explanation explain(Image image, FashionClass target) {
        float[] input = image.toNormalized();
        return explain(input, target, classifier.predictNormalized(input)[0][target.label()]);
    }

    @Override
    public Explanation explainPredicted(Image image) {
        float[] input = image.toNormalized();
        float[] probabilities = classifier.predictNormalized(input)[0];
        FashionClass target = FashionClass.of(Prediction.argmax(probabilities));
        return explain(input, target, probabilities[target.label()]);
    }

    private Explanation explain(float[] input, FashionClass target, float probability) {
        double[] dropSum = new double[Image.PIXELS];
        int[] coverage = new int[Image.PIXELS];
        int positions = occludedImagesPerExplanation();
        for (int from = 0; from < positions; from += batchSize) {
            int to = Math.min(positions, from + batchSize);
            float[] nchw = new float[(to - from) * Image.PIXELS];
            for (int p = from; p < to; p++) {
                int offset = (p - from) * Image.PIXELS;
                System.arraycopy(input, 0, nchw, offset, Image.PIXELS);
                forEachCovered(p, i -> nchw[offset + i] = fill);
            }
            float[][] rows = classifier.predictNormalized(nchw);
            for (int p = from; p < to; p++) {
                double drop = probability - rows[p - from][target.label()];
                forEachCovered(p, i -> {
                    dropSum[i] += drop;
                    coverage[i]++;
                });
            }
        }
        double[] mean = new double[Image.PIXELS];
        double max = 0;
        for (int i = 0; i < Image.PIXELS; i++) {
            mean[i] = Math.max(0, dropSum[i] / coverage[i]);
            max = Math.max(max, mean[i]);
        }
        float[] relevance = new float[Image.PIXELS];
        if (max > 0) {
            for (int i = 0; i < Image.PIXELS; i++) {
                relevance[i] = (float) Math.min(1.0, mean[i] / max);
            }
        }
        return new Explanation(ID, target, probability, relevance,
                Map.of("patch", Integer.toString(patch), "stride", Integer.toString(stride), "fill", Float.toString(fill)));
    }

    private void forEachCovered(int position, IntConsumer action) {
        int top = offsets.get(position / offsets.size());
        int left = offsets.get(position % offsets.size());
        for (int r = top; r < top + patch; r++) {
            for (int c = left; c < left + patch; c++) {
                action.accept(r * Image.SIDE + c);
            }
        }
    }
}
