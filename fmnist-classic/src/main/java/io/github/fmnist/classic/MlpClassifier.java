package io.github.fmnist.classic;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import smile.model.mlp.HiddenLayer;
import smile.tensor.DenseMatrix;
import smile.tensor.Vector;

/**
 * Smile's multilayer perceptron on the 784 pixels: hidden layers, then a softmax output trained on the
 * log-likelihood. Smile keeps activations in thread-locals, so concurrent predictions do not interfere.
 * Exports itself as Flatten → (Dense → Activation)* → Dense logits.
 */
final class MlpClassifier extends SmileClassifier implements NetworkExportable {
    private final ExportableMlp model;

    MlpClassifier(ModelInfo info, ExportableMlp model) {
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
        List<NetworkNode> nodes = new ArrayList<>();
        nodes.add(NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT));
        String previous = "flatten";
        int index = 0;
        for (smile.model.mlp.Layer hidden : model.hiddenLayers()) {
            index++;
            String dense = "dense" + index;
            nodes.add(NetworkNode.of(dense, dense(hidden), previous));
            String act = "activation" + index;
            nodes.add(NetworkNode.of(act, new Layer.Activation(activation(hidden)), dense));
            previous = act;
        }
        nodes.add(NetworkNode.of("logits", dense(model.outputLayer()), previous));
        return new NetworkDescription(info().providerId(), nodes, "logits");
    }

    private static Layer.Dense dense(smile.model.mlp.Layer layer) {
        DenseMatrix w = layer.weight();
        Vector b = layer.bias();
        int outputs = w.nrow();
        int inputs = w.ncol();
        float[] weights = new float[inputs * outputs];
        float[] bias = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                weights[i * outputs + o] = (float) w.get(o, i);
            }
            bias[o] = (float) b.get(o);
        }
        return new Layer.Dense(inputs, outputs, weights, bias);
    }

    private static Layer.ActivationFunction activation(smile.model.mlp.Layer layer) {
        String name = layer.toString();
        String function = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
        if (layer instanceof HiddenLayer) {
            switch (function.toLowerCase(Locale.ROOT)) {
                case "rectifier":
                    return Layer.ActivationFunction.RELU;
                case "sigmoid":
                    return Layer.ActivationFunction.SIGMOID;
                case "tanh":
                    return Layer.ActivationFunction.TANH;
                case "linear":
                    return Layer.ActivationFunction.IDENTITY;
                default:
                    break;
            }
        }
        throw new UnsupportedFeatureException("MLP layer " + name + " has no network-description equivalent");
    }
}
