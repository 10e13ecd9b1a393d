package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.api.bundle.PayloadSink;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import smile.classification.LogisticRegression;

/**
 * Multinomial logistic regression on the 784 pixels, optionally standardised. Smile fixes the last
 * class's score at 0 and keeps (k − 1) × (p + 1) weights; the exported network writes that class's
 * weights and bias as zeros, which gives the same softmax.
 */
final class LogisticRegressionClassifier extends SmileClassifier implements NetworkExportable {
    static final String SCALING_ENTRY = "scaling.ser";

    private final LogisticRegression.Multinomial model;
    private final PixelStandardizer scaling;

    LogisticRegressionClassifier(ModelInfo info, Optional<PixelStandardizer> scaling, LogisticRegression.Multinomial model) {
        super(info, Optional.empty());
        this.model = model;
        this.scaling = scaling.orElse(null);
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.predict(scaling == null ? features : scaling.apply(features), probabilities);
    }

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        super.writePayload(sink);
        if (scaling != null) {
            sink.write(SCALING_ENTRY, SmileModelSerializer.serialize(scaling.toMatrix()));
        }
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
        List<NetworkNode> nodes = new ArrayList<>();
        nodes.add(NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT));
        String previous = "flatten";
        if (scaling != null) {
            nodes.add(NetworkNode.of("standardize", new Layer.Standardize(scaling.meanAsFloats(), scaling.stdAsFloats()), previous));
            previous = "standardize";
        }
        nodes.add(NetworkNode.of("logits", new Layer.Dense(Image.PIXELS, classes, weights, bias), previous));
        return new NetworkDescription(info().providerId(), nodes, "logits");
    }
}
