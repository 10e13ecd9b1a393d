package io.github.fmnist.classic;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import smile.model.mlp.Cost;
import smile.model.mlp.HiddenLayer;
import smile.model.mlp.LayerBuilder;
import smile.model.mlp.OutputFunction;
import smile.model.mlp.OutputLayer;
import smile.util.IntSet;
import smile.tensor.DenseMatrix;
import smile.tensor.Vector;

/**
 * Smile's multilayer perceptron on the 784 pixels: hidden layers, then a softmax output trained on the
 * log-likelihood. Smile keeps activations in thread-locals, so concurrent predictions do not interfere.
 * Exports itself as Flatten → (Dense → Activation)* → Dense logits.
 */
final class MlpClassifier extends SmileClassifier implements NetworkExportable {
    /** Most hidden layers a stored perceptron may have. */
    static final int MAX_HIDDEN_LAYERS = 16;
    /** Most units a stored layer may have: the hidden-units hyperparameter's maximum. */
    static final int MAX_UNITS = 100_000;
    private final ExportableMlp model;

    MlpClassifier(ModelInfo info, ExportableMlp model) {
        super(info, Optional.empty());
        this.model = model;
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.predict(features, probabilities);
    }

    /**
     * The input width, the hidden layer count, each hidden layer (activation code, width, weights row by row as
     * float32 — Smile's own precision — then biases), then the softmax output layer (width, weights, biases).
     */
    @Override
    void writeModel(PayloadWriter out) throws IOException {
        smile.model.mlp.Layer[] hidden = model.hiddenLayers();
        out.count(hidden.length == 0 ? Image.PIXELS : hidden[0].getInputSize());
        out.count(hidden.length);
        for (smile.model.mlp.Layer layer : hidden) {
            out.byteValue(MlpActivation.of(layer).code());
            writeLayer(out, layer);
        }
        OutputLayer output = model.outputLayer();
        if (!output.toString().startsWith("SOFTMAX(") || output.cost() != Cost.LIKELIHOOD) {
            throw new UnsupportedFeatureException("MLP output layer " + output + " cannot be stored; fmnist trains softmax with log-likelihood");
        }
        writeLayer(out, output);
    }

    private static void writeLayer(PayloadWriter out, smile.model.mlp.Layer layer) throws IOException {
        DenseMatrix w = layer.weight();
        out.count(w.nrow());
        float[] row = new float[w.ncol()];
        for (int o = 0; o < w.nrow(); o++) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) w.get(o, i);
            }
            out.floats(row);
        }
        float[] bias = new float[w.nrow()];
        for (int o = 0; o < bias.length; o++) {
            bias[o] = (float) layer.bias().get(o);
        }
        out.floats(bias);
    }

    /** Rebuilds the perceptron written by {@link #writeModel}: the same layers, every weight set from the payload. */
    static ExportableMlp readModel(PayloadReader in) {
        long at = in.offset();
        int inputs = in.intValue("MLP inputs", 1, Image.PIXELS);
        if (inputs != Image.PIXELS) {
            throw in.fail(at, "expected " + Image.PIXELS + " MLP inputs, found " + inputs);
        }
        int depth = in.count("hidden layers", MAX_HIDDEN_LAYERS, 1 + 4 + 4);
        LayerBuilder[] builders = new LayerBuilder[depth + 2];
        builders[0] = smile.model.mlp.Layer.input(inputs);
        float[][][] weights = new float[depth + 1][][];
        float[][] biases = new float[depth + 1][];
        int width = inputs;
        for (int l = 0; l < depth; l++) {
            MlpActivation activation = MlpActivation.read(in);
            int units = in.count("units of hidden layer " + (l + 1), MAX_UNITS, (width + 1) * Float.BYTES);
            if (units < 1) {
                throw in.fail(in.offset() - 4, "expected at least one unit in hidden layer " + (l + 1) + ", found 0");
            }
            builders[l + 1] = activation.builder(units);
            weights[l] = readWeights(in, units, width, "hidden layer " + (l + 1));
            biases[l] = in.finiteFloats("biases of hidden layer " + (l + 1), units);
            width = units;
        }
        long outAt = in.offset();
        int outputs = in.count("output units", FashionClass.COUNT, (width + 1) * Float.BYTES);
        if (outputs != FashionClass.COUNT) {
            throw in.fail(outAt, "expected " + FashionClass.COUNT + " output units, found " + outputs);
        }
        builders[depth + 1] = smile.model.mlp.Layer.mle(outputs, OutputFunction.SOFTMAX);
        weights[depth] = readWeights(in, outputs, width, "the output layer");
        biases[depth] = in.finiteFloats("biases of the output layer", outputs);
        in.requireEnd();
        ExportableMlp mlp = new ExportableMlp(IntSet.of(FashionClass.COUNT), builders);
        smile.model.mlp.Layer[] hidden = mlp.hiddenLayers();
        for (int l = 0; l <= depth; l++) {
            smile.model.mlp.Layer layer = l < depth ? hidden[l] : mlp.outputLayer();
            DenseMatrix w = layer.weight();
            for (int o = 0; o < weights[l].length; o++) {
                for (int i = 0; i < weights[l][o].length; i++) {
                    w.set(o, i, weights[l][o][i]);
                }
                layer.bias().set(o, biases[l][o]);
            }
        }
        return mlp;
    }

    private static float[][] readWeights(PayloadReader in, int rows, int columns, String what) {
        float[][] w = new float[rows][];
        for (int o = 0; o < rows; o++) {
            w[o] = in.finiteFloats("weights of " + what, columns);
        }
        return w;
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
