package io.github.fmnist.classic;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.PayloadReader;
import java.util.Locale;
import java.util.function.IntFunction;
import smile.model.mlp.HiddenLayer;
import smile.model.mlp.HiddenLayerBuilder;
import smile.model.mlp.Layer;

/** The hidden-layer activations a stored perceptron may use, with their code in the payload. */
enum MlpActivation {
    LINEAR(0, Layer::linear),
    RECTIFIER(1, Layer::rectifier),
    SIGMOID(2, Layer::sigmoid),
    TANH(3, Layer::tanh);

    private final int code;
    private final IntFunction<HiddenLayerBuilder> builder;

    MlpActivation(int code, IntFunction<HiddenLayerBuilder> builder) {
        this.code = code;
        this.builder = builder;
    }

    int code() {
        return code;
    }

    HiddenLayerBuilder builder(int units) {
        return builder.apply(units);
    }

    /** The activation of a trained hidden layer, named by Smile's {@code toString} ("RECTIFIER(256)"). */
    static MlpActivation of(Layer layer) {
        String name = layer.toString();
        String function = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
        if (layer instanceof HiddenLayer) {
            for (MlpActivation a : values()) {
                if (a.name().equals(function.toUpperCase(Locale.ROOT))) {
                    return a;
                }
            }
        }
        throw new UnsupportedFeatureException("MLP layer " + name + " cannot be stored; fmnist stores "
                + java.util.Arrays.toString(values()) + " hidden layers");
    }

    static MlpActivation read(PayloadReader in) {
        int code = in.byteValue("activation code (0 linear, 1 rectifier, 2 sigmoid, 3 tanh)", 0, values().length - 1);
        return values()[code];
    }
}
