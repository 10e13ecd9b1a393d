package io.github.fmnist.onnx.export;

import static io.github.fmnist.onnx.export.GraphBuilder.integer;
import static io.github.fmnist.onnx.export.GraphBuilder.ints;
import static io.github.fmnist.onnx.export.GraphBuilder.real;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.CheckedNetwork;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.api.network.TensorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates one node of a {@link CheckedNetwork} into ONNX nodes. The shapes were checked by
 * {@link CheckedNetwork}; anything ONNX Runtime would still compute differently from the description is
 * refused with an {@link UnsupportedFeatureException} rather than approximated.
 */
final class LayerTranslator {
    private final GraphBuilder graph;
    private final CheckedNetwork network;

    LayerTranslator(GraphBuilder graph, CheckedNetwork network) {
        this.graph = graph;
        this.network = network;
    }

    /**
     * Adds the node's ONNX nodes.
     *
     * @param inputs the graph tensors holding the node's inputs, in the order it lists them
     * @return the graph tensor holding its output
     */
    String translate(NetworkNode node, List<String> inputs) {
        String in = inputs.getFirst();
        return switch (node.layer()) {
            case Layer.Convolution c -> convolution(node, c, in);
            case Layer.MaxPool p -> pool(node, "MaxPool", p.kernelHeight(), p.kernelWidth(), p.strideHeight(),
                    p.strideWidth(), p.padding(), in, false);
            case Layer.AveragePool p -> pool(node, "AveragePool", p.kernelHeight(), p.kernelWidth(), p.strideHeight(),
                    p.strideWidth(), p.padding(), in, true);
            case Layer.GlobalAveragePool g -> unary(node, "GlobalAveragePool", in);
            case Layer.BatchNorm b -> batchNorm(node, b, in);
            case Layer.Add a -> add(node, inputs);
            case Layer.Flatten f -> flatten(node.name(), in);
            case Layer.Dense d -> dense(node, d, in);
            case Layer.Activation a -> unary(node, switch (a.function()) {
                case RELU -> "Relu";
                case SIGMOID -> "Sigmoid";
                case TANH -> "Tanh";
                case IDENTITY -> "Identity";
            }, in);
            case Layer.Dropout d -> in; // the identity at inference: no node at all
            case Layer.Standardize s -> standardize(node, s, in);
            case Layer.FlipHorizontal f -> flipHorizontal(node, in);
            case Layer.ProbabilityAverage p -> probabilityAverage(node, p, inputs);
        };
    }

    private String convolution(NetworkNode node, Layer.Convolution c, String in) {
        Layer.Padding p = c.padding();
        String weights = graph.initializer(node.name() + ".weight", c.weights(),
                c.outChannels(), c.inChannels(), c.kernelHeight(), c.kernelWidth());
        String bias = graph.initializer(node.name() + ".bias", c.bias(), c.outChannels());
        String out = graph.reserve(node.name());
        graph.node("Conv", node.name(), List.of(in, weights, bias), out,
                ints("kernel_shape", c.kernelHeight(), c.kernelWidth()),
                ints("strides", c.strideHeight(), c.strideWidth()),
                ints("pads", p.top(), p.left(), p.bottom(), p.right()),
                ints("dilations", 1, 1),
                integer("group", 1));
        return out;
    }

    private String pool(NetworkNode node, String op, int kh, int kw, int sh, int sw, Layer.Padding p, String in,
                        boolean average) {
        String out = graph.reserve(node.name());
        if (average) {
            graph.node(op, node.name(), List.of(in), out,
                    ints("kernel_shape", kh, kw), ints("strides", sh, sw), ints("pads", p.top(), p.left(), p.bottom(), p.right()),
                    integer("ceil_mode", 0), integer("count_include_pad", 0));
        } else {
            graph.node(op, node.name(), List.of(in), out,
                    ints("kernel_shape", kh, kw), ints("strides", sh, sw), ints("pads", p.top(), p.left(), p.bottom(), p.right()),
                    integer("ceil_mode", 0));
        }
        return out;
    }

    private String batchNorm(NetworkNode node, Layer.BatchNorm b, String in) {
        float epsilon = (float) b.epsilon();
        if (epsilon <= 0f) {
            throw new UnsupportedFeatureException("ONNX export of network '" + network.description().name() + "': node '"
                    + node.name() + "' (BatchNorm): epsilon " + b.epsilon() + " is too small to be stored as the float ONNX requires");
        }
        int channels = b.channels();
        String scale = graph.initializer(node.name() + ".gamma", b.gamma(), channels);
        String shift = graph.initializer(node.name() + ".beta", b.beta(), channels);
        String mean = graph.initializer(node.name() + ".mean", b.mean(), channels);
        String variance = graph.initializer(node.name() + ".variance", b.variance(), channels);
        String out = graph.reserve(node.name());
        graph.node("BatchNormalization", node.name(), List.of(in, scale, shift, mean, variance), out,
                real("epsilon", epsilon));
        return out;
    }

    private String add(NetworkNode node, List<String> inputs) {
        String out = graph.reserve(node.name());
        graph.node(inputs.size() == 2 ? "Add" : "Sum", node.name(), inputs, out);
        return out;
    }

    private String flatten(String name, String in) {
        String out = graph.reserve(name);
        graph.node("Flatten", name, List.of(in), out, integer("axis", 1));
        return out;
    }

    private String dense(NetworkNode node, Layer.Dense d, String in) {
        TensorShape shape = network.inputShapes(node).getFirst();
        // CheckedNetwork lets an [N, C, 1, 1] input through (as after a global average pool); Gemm needs [N, C].
        String features = shape.isImage() ? flatten(node.name() + ".flatten", in) : in;
        String weights = graph.initializer(node.name() + ".weight", d.weights(), d.inputs(), d.outputs());
        String bias = graph.initializer(node.name() + ".bias", d.bias(), d.outputs());
        String out = graph.reserve(node.name());
        graph.node("Gemm", node.name(), List.of(features, weights, bias), out,
                real("alpha", 1f), real("beta", 1f), integer("transA", 0), integer("transB", 0));
        return out;
    }

    private String unary(NetworkNode node, String op, String in) {
        String out = graph.reserve(node.name());
        graph.node(op, node.name(), List.of(in), out);
        return out;
    }

    private String flipHorizontal(NetworkNode node, String in) {
        int width = network.inputShapes(node).getFirst().width();
        long[] reversed = new long[width];
        for (int x = 0; x < width; x++) {
            reversed[x] = width - 1 - x;
        }
        String indices = graph.int64Initializer(node.name() + ".columns", reversed, width);
        String out = graph.reserve(node.name());
        graph.node("Gather", node.name(), List.of(in, indices), out, integer("axis", 3));
        return out;
    }

    /** Softmax of each input, scaled by its normalised weight, summed, then the logarithm. */
    private String probabilityAverage(NetworkNode node, Layer.ProbabilityAverage p, List<String> inputs) {
        double[] weights = p.normalizedWeights();
        List<String> scaled = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String probabilities = graph.reserve(node.name() + ".p" + i);
            graph.node("Softmax", node.name() + ".softmax" + i, List.of(inputs.get(i)), probabilities, integer("axis", 1));
            String weight = graph.initializer(node.name() + ".w" + i, new float[] {(float) weights[i]});
            String product = graph.reserve(node.name() + ".wp" + i);
            graph.node("Mul", node.name() + ".weigh" + i, List.of(probabilities, weight), product);
            scaled.add(product);
        }
        String mean = graph.reserve(node.name() + ".mean");
        graph.node("Sum", node.name() + ".sum", scaled, mean);
        String out = graph.reserve(node.name());
        graph.node("Log", node.name(), List.of(mean), out);
        return out;
    }

    private String standardize(NetworkNode node, Layer.Standardize s, String in) {
        float[] mean = s.mean();
        float[] std = s.std();
        String meanTensor = graph.initializer(node.name() + ".mean", mean, mean.length);
        String stdTensor = graph.initializer(node.name() + ".std", std, std.length);
        String centred = graph.reserve(node.name() + ".centred");
        graph.node("Sub", node.name() + ".centre", List.of(in, meanTensor), centred);
        String out = graph.reserve(node.name());
        graph.node("Div", node.name(), List.of(centred, stdTensor), out);
        return out;
    }
}
