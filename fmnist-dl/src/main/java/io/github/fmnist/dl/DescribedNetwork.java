package io.github.fmnist.dl;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link NetworkDescription} for one image in double precision, forwards and backwards. It is how
 * the DL4J plugins answer Grad-CAM's questions exactly in inference mode (dropout is the identity, batch
 * normalisation uses its running statistics), without touching DL4J's training-mode backpropagation. Immutable
 * and thread-safe.
 */
final class DescribedNetwork {
    /** A {@code channels × height × width} activation; flat vectors are {@code features × 1 × 1}. */
    record Tensor(double[] values, int channels, int height, int width) {
        static Tensor flat(double[] values) {
            return new Tensor(values, values.length, 1, 1);
        }
    }

    private final NetworkDescription description;

    DescribedNetwork(NetworkDescription description) {
        this.description = description;
    }

    NetworkDescription description() {
        return description;
    }

    /** Every node's output for an image of 784 values in [0, 1]. */
    Map<String, Tensor> forward(double[] image) {
        return forward(image, null, null);
    }

    /** As {@link #forward(double[])}, with node {@code replaced}'s output replaced by {@code value}. */
    Map<String, Tensor> forward(double[] image, String replaced, Tensor value) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(NetworkDescription.INPUT, new Tensor(image.clone(), 1, 28, 28));
        for (NetworkNode node : description.nodes()) {
            Tensor result = node.name().equals(replaced) ? value : apply(node, out);
            out.put(node.name(), result);
        }
        return out;
    }

    /** The logits from a forward pass. */
    double[] logits(Map<String, Tensor> activations) {
        return activations.get(description.logits()).values();
    }

    /**
     * The gradient of logit {@code classIndex} with respect to node {@code target}'s output.
     *
     * @param activations a forward pass of this network
     */
    double[] gradient(Map<String, Tensor> activations, String target, int classIndex) {
        Map<String, double[]> gradients = new HashMap<>();
        double[] seed = new double[logits(activations).length];
        seed[classIndex] = 1;
        gradients.put(description.logits(), seed);
        List<NetworkNode> nodes = description.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NetworkNode node = nodes.get(i);
            double[] g = gradients.get(node.name());
            if (node.name().equals(target)) {
                return g == null ? new double[activations.get(target).values().length] : g;
            }
            if (g != null) {
                backward(node, activations, g, gradients);
            }
        }
        throw new IllegalArgumentException("no node '" + target + "' in network " + description.name());
    }

    private static Tensor apply(NetworkNode node, Map<String, Tensor> values) {
        Tensor x = values.get(node.inputs().get(0));
        return switch (node.layer()) {
            case Layer.Convolution c -> TensorOps.convolution(x, c);
            case Layer.MaxPool p -> TensorOps.maxPool(x, p, null);
            case Layer.GlobalAveragePool g -> TensorOps.globalAveragePool(x);
            case Layer.BatchNorm b -> TensorOps.batchNorm(x, b);
            case Layer.Add a -> {
                double[] sum = new double[x.values().length];
                for (String input : node.inputs()) {
                    double[] v = values.get(input).values();
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += v[k];
                    }
                }
                yield new Tensor(sum, x.channels(), x.height(), x.width());
            }
            case Layer.Flatten f -> Tensor.flat(x.values());
            case Layer.Dense d -> TensorOps.dense(x, d);
            case Layer.Activation a -> TensorOps.activation(x, a.function());
            case Layer.Dropout d -> x;
            case Layer.Standardize s -> TensorOps.standardize(x, s);
            case Layer.AveragePool p -> throw new UnsupportedFeatureException("average pooling is not evaluated here");
        };
    }

    private static void backward(NetworkNode node, Map<String, Tensor> values, double[] g, Map<String, double[]> gradients) {
        Tensor x = values.get(node.inputs().get(0));
        Tensor y = values.get(node.name());
        double[] dx = switch (node.layer()) {
            case Layer.Convolution c -> TensorOps.convolutionBackward(x, c, g);
            case Layer.MaxPool p -> TensorOps.maxPoolBackward(x, p, g);
            case Layer.GlobalAveragePool p -> TensorOps.globalAveragePoolBackward(x, g);
            case Layer.BatchNorm b -> TensorOps.batchNormBackward(x, b, g);
            case Layer.Add a -> g;
            case Layer.Flatten f -> g;
            case Layer.Dense d -> TensorOps.denseBackward(d, g);
            case Layer.Activation a -> TensorOps.activationBackward(x, y, a.function(), g);
            case Layer.Dropout d -> g;
            case Layer.Standardize s -> TensorOps.standardizeBackward(s, g);
            case Layer.AveragePool p -> throw new UnsupportedFeatureException("average pooling is not evaluated here");
        };
        List<String> inputs = node.layer() instanceof Layer.Add ? node.inputs() : List.of(node.inputs().get(0));
        for (String input : inputs) {
            double[] sum = gradients.computeIfAbsent(input, k -> new double[dx.length]);
            for (int k = 0; k < dx.length; k++) {
                sum[k] += dx[k];
            }
        }
    }
}
