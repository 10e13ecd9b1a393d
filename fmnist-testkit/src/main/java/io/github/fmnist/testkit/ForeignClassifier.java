package io.github.fmnist.testkit;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A classifier that claims a provider no plugin has, to check that plugins refuse its bundles. */
final class ForeignClassifier implements Classifier {
    static final String ID = "fmnist-testkit-foreign";

    @Override
    public ModelInfo info() {
        return new ModelInfo(ID, "0", Hyperparameters.defaults(List.of()));
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        float[][] out = new float[Classifier.imageCount(nchw)][FashionClass.COUNT];
        for (float[] row : out) {
            Arrays.fill(row, 1f / FashionClass.COUNT);
        }
        return out;
    }

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        sink.write("model.bin", "not a model of yours".getBytes(StandardCharsets.UTF_8));
    }
}
