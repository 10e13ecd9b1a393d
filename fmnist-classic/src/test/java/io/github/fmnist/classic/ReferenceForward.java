package io.github.fmnist.classic;

import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.HashMap;
import java.util.Map;

/** A plain-Java forward pass of the layer types the classic models export, in double precision, for parity tests. */
final class ReferenceForward {
    private ReferenceForward() {
    }

    /** Softmax of the description's logits for one image of 784 normalised pixels. */
    static double[] probabilities(NetworkDescription network, float[] image) {
        Map<String, double[]> values = new HashMap<>();
        double[] input = new double[image.length];
        for (int i = 0; i < image.length; i++) {
            input[i] = image[i];
        }
        values.put(NetworkDescription.INPUT, input);
        for (NetworkNode node : network.nodes()) {
            values.put(node.name(), apply(node.layer(), values.get(node.inputs().get(0))));
        }
        return softmax(values.get(network.logits()));
    }

    private static double[] apply(Layer layer, double[] x) {
        return switch (layer) {
            case Layer.Flatten f -> x.clone();
            case Layer.Standardize s -> {
                float[] mean = s.mean();
                float[] std = s.std();
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = (x[i] - mean[i]) / std[i];
                }
                yield y;
            }
            case Layer.Dense d -> {
                float[] w = d.weights();
                float[] b = d.bias();
                double[] y = new double[d.outputs()];
                for (int o = 0; o < d.outputs(); o++) {
                    double s = b[o];
                    for (int i = 0; i < d.inputs(); i++) {
                        s += x[i] * w[i * d.outputs() + o];
                    }
                    y[o] = s;
                }
                yield y;
            }
            case Layer.Activation a -> {
                double[] y = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = switch (a.function()) {
                        case RELU -> Math.max(0, x[i]);
                        case SIGMOID -> 1 / (1 + Math.exp(-x[i]));
                        case TANH -> Math.tanh(x[i]);
                        case IDENTITY -> x[i];
                    };
                }
                yield y;
            }
            case Layer.Dropout d -> x.clone();
            default -> throw new IllegalArgumentException("reference forward pass does not support " + layer.typeName());
        };
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
