package io.github.fmnist.classic;

import java.io.Serial;
import smile.classification.MLP;
import smile.model.mlp.Layer;
import smile.model.mlp.LayerBuilder;
import smile.model.mlp.OutputLayer;
import smile.util.IntSet;

/**
 * Smile's MLP with read access to its layers, which Smile keeps protected, so that the trained weights can
 * be described for ONNX export. Adds no state; the only non-Smile class allowed in a model payload.
 */
final class ExportableMlp extends MLP {
    @Serial
    private static final long serialVersionUID = 1L;

    ExportableMlp(IntSet classes, LayerBuilder... builders) {
        super(classes, builders);
    }

    /** The hidden layers, input side first (Smile's input layer excluded). */
    Layer[] hiddenLayers() {
        return java.util.Arrays.copyOfRange(net, 1, net.length);
    }

    /** The softmax output layer. */
    OutputLayer outputLayer() {
        return output;
    }

    /** One mini-batch step (Smile's {@code update} on the caller's thread). */
    void step(double[][] x, int[] y) {
        update(x, y);
    }
}
