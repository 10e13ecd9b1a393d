package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the five Smile classifiers share: flattened pixels, an optional PCA stage, prediction spread over
 * the cores (Smile's own batch prediction is sequential), and a payload of Java-serialised Smile objects.
 *
 * <p>Thread-safe: the Smile models used here keep no per-call state outside thread-locals, each image is
 * predicted independently, so concurrent and sequential calls return the same probabilities.
 */
abstract class SmileClassifier implements Classifier {
    static final String MODEL_ENTRY = "model.ser";
    static final String PCA_ENTRY = "pca.ser";

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

    /** The Smile model to store. */
    abstract Serializable model();

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        sink.write(MODEL_ENTRY, SmileModelSerializer.serialize(model()));
        if (pca != null) {
            sink.write(PCA_ENTRY, SmileModelSerializer.serialize(pca.toMatrix()));
        }
    }

    static float[] toProbabilities(double[] scores) {
        double sum = 0;
        for (double s : scores) {
            sum += Math.max(0, s);
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalStateException("the model produced no usable probabilities: " + Arrays.toString(scores));
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
