package io.github.fmnist.explain.network;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-written multinomial logistic regression, standing in for the classic models: no gradients capability. */
public final class LinearSoftmax implements Classifier {
    private final double[] weights; // [10][784]
    private final double[] bias;
    private final AtomicInteger predictCalls = new AtomicInteger();

    public LinearSoftmax(double[] weights, double[] bias) {
        if (weights.length != FashionClass.COUNT * Image.PIXELS || bias.length != FashionClass.COUNT) {
            throw new IllegalArgumentException("wrong sizes");
        }
        this.weights = weights.clone();
        this.bias = bias.clone();
    }

    public int predictCalls() {
        return predictCalls.get();
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("test-logreg", "1", Hyperparameters.defaults(List.of()));
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        predictCalls.incrementAndGet();
        int count = Classifier.imageCount(nchw);
        float[][] out = new float[count][FashionClass.COUNT];
        for (int n = 0; n < count; n++) {
            double[] z = new double[FashionClass.COUNT];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < FashionClass.COUNT; c++) {
                z[c] = bias[c];
                for (int p = 0; p < Image.PIXELS; p++) {
                    z[c] += weights[c * Image.PIXELS + p] * nchw[n * Image.PIXELS + p];
                }
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < FashionClass.COUNT; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = 0; c < FashionClass.COUNT; c++) {
                out[n][c] = (float) (z[c] / sum);
            }
        }
        return out;
    }

    @Override
    public void writePayload(PayloadSink sink) {
        throw new UnsupportedFeatureException("the test logistic regression cannot be saved");
    }
}
