package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import smile.classification.LogisticRegression;

/**
 * Multinomial logistic regression on the 784 pixels. Smile fixes the last class's score at 0 and keeps
 * (k − 1) × (p + 1) weights; the exported network writes that class's weights and bias as zeros, which
 * gives the same softmax.
 */
final class LogisticRegressionClassifier extends SmileClassifier implements NetworkExportable {
    private final LogisticRegression.Multinomial model;

    LogisticRegressionClassifier(ModelInfo info, LogisticRegression.Multinomial model) {
        super(info, Optional.empty());
        this.model = model;
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.predict(features, probabilities);
    }

    @Override
    Serializable model() {
        return model;
    }

    @Override
    public NetworkDescription describeNetwork() {
        double[][] w = model.coefficients();
        int classes = FashionClass.COUNT;
        float[] weights = new float[Image.PIXELS * classes];
        float[] bias = new float[classes];
        for (int c = 0; c < w.length; c++) {
            for (int j = 0; j < Image.PIXELS; j++) {
                weights[j * classes + c] = (float) w[c][j];
            }
            bias[c] = (float) w[c][Image.PIXELS];
        }
        return new NetworkDescription(info().providerId(), List.of(
                NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("logits", new Layer.Dense(Image.PIXELS, classes, weights, bias), "flatten")), "logits");
    }
}
