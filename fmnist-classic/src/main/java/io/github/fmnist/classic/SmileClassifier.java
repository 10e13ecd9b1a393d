package io.github.fmnist.classic;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the five Smile classifiers share: flattened pixels, an optional PCA stage, prediction spread over
 * the cores (Smile's own batch prediction is sequential), and a payload of plain numbers: {@code model.bin} in the
 * model's binary format ({@code fmnist-<id>}, version {@link #FORMAT_VERSION}) and, with PCA, {@code pca.bin}.
 *
 * <p>Thread-safe: the Smile models used here keep no per-call state outside thread-locals, each image is
 * predicted independently, so concurrent and sequential calls return the same probabilities.
 */
abstract class SmileClassifier implements Classifier {
    static final String MODEL_ENTRY = "model.bin";
    static final String PCA_ENTRY = "pca.bin";
    /** Version of every classic model format this code writes and the newest it reads. */
    static final int FORMAT_VERSION = 1;

    private final ModelInfo info;
    private final PcaProjection pca;

    SmileClassifier(ModelInfo info, Optional<PcaProjection> pca) {
        this.info = info;
        this.pca = pca.orElse(null);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The PCA stage, if the model has one. */
    Optional<PcaProjection> pca() {
        return Optional.ofNullable(pca);
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        int n = Classifier.imageCount(nchw);
        float[][] out = new float[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] x = PixelFeatures.row(nchw, i);
            if (pca != null) {
                x = pca.apply(x);
            }
            double[] p = new double[FashionClass.COUNT];
            posterior(x, p);
            out[i] = toProbabilities(p);
        });
        return out;
    }

    /** Writes the class probabilities (any non-negative scores, normalised afterwards) of one feature vector. */
    abstract void posterior(double[] features, double[] probabilities);

    /** Writes the model's numbers after the {@code model.bin} header. */
    abstract void writeModel(PayloadWriter out) throws IOException;

    /** The name of provider {@code providerId}'s model format, written in the header of {@code model.bin}. */
    static String format(String providerId) {
        return "fmnist-" + providerId;
    }

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        try (PayloadWriter out = new PayloadWriter(sink.entry(MODEL_ENTRY), format(info.providerId()), FORMAT_VERSION)) {
            writeModel(out);
        }
        if (pca != null) {
            try (PayloadWriter out = new PayloadWriter(sink.entry(PCA_ENTRY), PcaProjection.FORMAT, FORMAT_VERSION)) {
                pca.write(out);
            }
        }
    }

    static float[] toProbabilities(double[] scores) {
        double sum = 0;
        for (double s : scores) {
            sum += Math.max(0, s);
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new CorruptDataException("classic model", -1, "the model produced no usable probabilities "
                    + Arrays.toString(scores) + ": its stored parameters are inconsistent");
        }
        float[] p = new float[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (Math.max(0, scores[i]) / sum);
        }
        return p;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + info.hyperparameters() + "]";
    }
}
