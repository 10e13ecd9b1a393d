package io.github.fmnist.bench.run;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.results.Throughput;
import java.util.function.BooleanSupplier;

/** Runs a classifier over a test set in batches, with a progress bar, timing it. */
public final class InferenceMeter {
    /** Images per call when evaluating (and the batch size of the reported batch throughput). */
    public static final int BATCH = 256;
    /** Images predicted one by one for the single-image throughput. */
    public static final int SINGLE_IMAGES = 200;
    private static final int SINGLE_WARM_UP = 20;

    private final ProgressLine line;
    private final BooleanSupplier cancelled;

    public InferenceMeter(ProgressLine line, BooleanSupplier cancelled) {
        this.line = line;
        this.cancelled = cancelled;
    }

    /**
     * Probabilities for every image, with the throughput of the batched calls. Call it only while nothing else
     * runs, or the throughput means little.
     *
     * @param runtime {@link Throughput#NATIVE} or {@link Throughput#ONNX_RUNTIME}
     * @throws TrainingCancelledException if the run is cancelled meanwhile
     */
    public Predicted predictAll(Classifier classifier, ImageBatch images, String label, String runtime) {
        long start = System.nanoTime();
        float[][] probabilities = probabilities(classifier, images, label);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Predicted(probabilities, new Throughput(runtime, BATCH, images.size(), images.size() / Math.max(seconds, 1e-9)));
    }

    /**
     * Probabilities for every image, in batches of {@value #BATCH}, untimed.
     *
     * @throws TrainingCancelledException if the run is cancelled meanwhile
     */
    public float[][] probabilities(Classifier classifier, ImageBatch images, String label) {
        float[][] probabilities = new float[images.size()][];
        for (int from = 0; from < images.size(); from += BATCH) {
            if (cancelled.getAsBoolean()) {
                line.end(label);
                throw new TrainingCancelledException("evaluation interrupted after " + from + " of " + images.size() + " images");
            }
            int to = Math.min(images.size(), from + BATCH);
            float[][] rows = classifier.predictProbabilities(images.slice(from, to));
            System.arraycopy(rows, 0, probabilities, from, rows.length);
            line.update(label, to, images.size(), to + "/" + images.size() + " images");
        }
        line.end(label);
        return probabilities;
    }

    /** Throughput of one-image calls over the first {@value #SINGLE_IMAGES} images (after a short warm-up). */
    public Throughput singleImage(Classifier classifier, ImageBatch images, String runtime) {
        int n = Math.min(SINGLE_IMAGES, images.size());
        for (int i = 0; i < Math.min(SINGLE_WARM_UP, n); i++) {
            classifier.predictNormalized(images.slice(i, i + 1).toNormalizedNchw());
        }
        float[][] inputs = new float[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = images.slice(i, i + 1).toNormalizedNchw();
        }
        long start = System.nanoTime();
        for (float[] input : inputs) {
            classifier.predictNormalized(input);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(runtime, 1, n, n / Math.max(seconds, 1e-9));
    }

    /** Probabilities and the throughput measured while computing them. */
    public record Predicted(float[][] probabilities, Throughput throughput) {
    }
}
