package io.github.fmnist.onnx.export;

import static io.github.fmnist.onnx.export.GraphBuilder.integer;
import static io.github.fmnist.onnx.export.GraphBuilder.ints;
import static io.github.fmnist.onnx.export.GraphBuilder.real;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkNode;
import java.util.List;

/**
 * Translates one {@link NetworkNode} into ONNX nodes, checking that its inputs have the shapes the layer
 * needs. Anything that ONNX Runtime would compute differently from the description is refused with an
 * {@link UnsupportedFeatureException} rather than approximated.
 */
final class LayerTranslator {
    private final GraphBuilder graph;
    private final String network;

    LayerTranslator(GraphBuilder graph, String network) {
        this.graph = graph;
        this.network = network;
    }

    /** A named tensor in the graph with its shape. */
    record Value(String tensor, TensorShape shape) {
    }

    Value translate(NetworkNode node, List<Value> inputs) {
        Layer layer = node.layer();
        if (!(layer instanceof Layer.Add) && inputs.size() != 1) {
            throw invalid(node, "takes one input, found " + inputs.size());
        }
        return switch (layer) {
            case Layer.Convolution c -> convolution(node, c, inputs.getFirst());
            case Layer.MaxPool p -> pool(node, "MaxPool", p.kernelHeight(), p.kernelWidth(), p.strideHeight(),
                    p.strideWidth(), p.padding(), inputs.getFirst(), false);
            case Layer.AveragePool p -> pool(node, "AveragePool", p.kernelHeight(), p.kernelWidth(), p.strideHeight(),
                    p.strideWidth(), p.padding(), inputs.getFirst(), true);
            case Layer.GlobalAveragePool g -> globalAveragePool(node, inputs.getFirst());
            case Layer.BatchNorm b -> batchNorm(node, b, inputs.getFirst());
            case Layer.Add a -> add(node, inputs);
            case Layer.Flatten f -> flatten(node, inputs.getFirst());
            case Layer.Dense d -> dense(node, d, inputs.getFirst());
            case Layer.Activation a -> activation(node, a, inputs.getFirst());
            case Layer.Dropout d -> inputs.getFirst(); // the identity at inference: no node at all
            case Layer.Standardize s -> standardize(node, s, inputs.getFirst());
        };
    }

    private Value convolution(NetworkNode node, Layer.Convolution c, Value in) {
        requireImage(node, in);
        if (in.shape().channels() != c.inChannels()) {
            throw invalid(node, "expects " + c.inChannels() + " input channels, its input " + in.tensor() + " has shape " + in.shape());
        }
        requirePositive(node, "kernel", c.kernelHeight(), c.kernelWidth());
        requirePositive(node, "stride", c.strideHeight(), c.strideWidth());
        Layer.Padding p = requirePadding(node, c.padding());
        int h = outputSize(node, in.shape().height(), c.kernelHeight(), c.strideHeight(), p.top(), p.bottom());
        int w = outputSize(node, in.shape().width(), c.kernelWidth(), c.strideWidth(), p.left(), p.right());
        String weights = graph.initializer(node.name() + ".weight", c.weights(),
                c.outChannels(), c.inChannels(), c.kernelHeight(), c.kernelWidth());
        String bias = graph.initializer(node.name() + ".bias", c.bias(), c.outChannels());
        String out = graph.reserve(node.name());
        graph.node("Conv", node.name(), List.of(in.tensor(), weights, bias), out,
                ints("kernel_shape", c.kernelHeight(), c.kernelWidth()),
                ints("strides", c.strideHeight(), c.strideWidth()),
                ints("pads", p.top(), p.left(), p.bottom(), p.right()),
                ints("dilations", 1, 1),
                integer("group", 1));
        return new Value(out, TensorShape.image(c.outChannels(), h, w));
    }

    private Value pool(NetworkNode node, String op, int kh, int kw, int sh, int sw, Layer.Padding padding, Value in,
                       boolean average) {
        requireImage(node, in);
        requirePositive(node, "kernel", kh, kw);
        requirePositive(node, "stride", sh, sw);
        Layer.Padding p = requirePadding(node, padding);
        if (p.top() >= kh || p.bottom() >= kh || p.left() >= kw || p.right() >= kw) {
            // ONNX Runtime rejects pooling windows that can lie entirely in the padding.
            throw unsupported(node, "padding " + describe(p) + " is not smaller than the " + kh + "×" + kw + " pooling window");
        }
        int h = outputSize(node, in.shape().height(), kh, sh, p.top(), p.bottom());
        int w = outputSize(node, in.shape().width(), kw, sw, p.left(), p.right());
        String out = graph.reserve(node.name());
        if (average) {
            graph.node(op, node.name(), List.of(in.tensor()), out,
                    ints("kernel_shape", kh, kw), ints("strides", sh, sw), ints("pads", p.top(), p.left(), p.bottom(), p.right()),
                    integer("ceil_mode", 0), integer("count_include_pad", 0));
        } else {
            graph.node(op, node.name(), List.of(in.tensor()), out,
                    ints("kernel_shape", kh, kw), ints("strides", sh, sw), ints("pads", p.top(), p.left(), p.bottom(), p.right()),
                    integer("ceil_mode", 0));
        }
        return new Value(out, TensorShape.image(in.shape().channels(), h, w));
    }

    private Value globalAveragePool(NetworkNode node, Value in) {
        requireImage(node, in);
        String out = graph.reserve(node.name());
        graph.node("GlobalAveragePool", node.name(), List.of(in.tensor()), out);
        return new Value(out, TensorShape.image(in.shape().channels(), 1, 1));
    }

    private Value batchNorm(NetworkNode node, Layer.BatchNorm b, Value in) {
        int channels = in.shape().dims()[0];
        if (channels != b.channels()) {
            throw invalid(node, "normalises " + b.channels() + " channels, its input " + in.tensor() + " has shape " + in.shape());
        }
        if (!(b.epsilon() > 0) || !Double.isFinite(b.epsilon())) {
            throw invalid(node, "epsilon must be a positive number, found " + b.epsilon());
        }
        float epsilon = (float) b.epsilon();
        if (epsilon <= 0f) {
            throw unsupported(node, "epsilon " + b.epsilon() + " is too small to be stored as the float ONNX requires");
        }
        String scale = graph.initializer(node.name() + ".gamma", b.gamma(), channels);
        String shift = graph.initializer(node.name() + ".beta", b.beta(), channels);
        String mean = graph.initializer(node.name() + ".mean", b.mean(), channels);
        String variance = graph.initializer(node.name() + ".variance", b.variance(), channels);
        String out = graph.reserve(node.name());
        graph.node("BatchNormalization", node.name(), List.of(in.tensor(), scale, shift, mean, variance), out,
                real("epsilon", epsilon));
        return new Value(out, in.shape());
    }

    private Value add(NetworkNode node, List<Value> inputs) {
        if (inputs.size() < 2) {
            throw invalid(node, "adds at least two inputs, found " + inputs.size());
        }
        TensorShape shape = inputs.getFirst().shape();
        for (Value v : inputs) {
            if (!v.shape().equals(shape)) {
                throw invalid(node, "inputs must have equal shapes, found " + inputs.stream()
                        .map(i -> i.tensor() + " " + i.shape()).toList());
            }
        }
        String out = graph.reserve(node.name());
        graph.node(inputs.size() == 2 ? "Add" : "Sum", node.name(), inputs.stream().map(Value::tensor).toList(), out);
        return new Value(out, shape);
    }

    private Value flatten(NetworkNode node, Value in) {
        String out = graph.reserve(node.name());
        graph.node("Flatten", node.name(), List.of(in.tensor()), out, integer("axis", 1));
        return new Value(out, TensorShape.features(in.shape().size()));
    }

    private Value dense(NetworkNode node, Layer.Dense d, Value in) {
        Value features = in;
        if (in.shape().isImage()) {
            if (in.shape().height() != 1 || in.shape().width() != 1) {
                throw unsupported(node, "a dense layer needs [N, features] input, found " + in.shape()
                        + " from " + in.tensor() + "; describe the Flatten explicitly");
            }
            // [N, C, 1, 1] has one unambiguous flattening, as after a global average pool.
            String flat = graph.reserve(node.name() + ".flatten");
            graph.node("Flatten", node.name() + ".flatten", List.of(in.tensor()), flat, integer("axis", 1));
            features = new Value(flat, TensorShape.features(in.shape().channels()));
        }
        if (features.shape().size() != d.inputs()) {
            throw invalid(node, "expects " + d.inputs() + " input features, its input " + in.tensor() + " has shape " + in.shape());
        }
        String weights = graph.initializer(node.name() + ".weight", d.weights(), d.inputs(), d.outputs());
        String bias = graph.initializer(node.name() + ".bias", d.bias(), d.outputs());
        String out = graph.reserve(node.name());
        graph.node("Gemm", node.name(), List.of(features.tensor(), weights, bias), out,
                real("alpha", 1f), real("beta", 1f), integer("transA", 0), integer("transB", 0));
        return new Value(out, TensorShape.features(d.outputs()));
    }

    private Value activation(NetworkNode node, Layer.Activation a, Value in) {
        String op = switch (a.function()) {
            case RELU -> "Relu";
            case SIGMOID -> "Sigmoid";
            case TANH -> "Tanh";
            case IDENTITY -> "Identity";
        };
        String out = graph.reserve(node.name());
        graph.node(op, node.name(), List.of(in.tensor()), out);
        return new Value(out, in.shape());
    }

    private Value standardize(NetworkNode node, Layer.Standardize s, Value in) {
        if (!in.shape().isFeatures()) {
            throw unsupported(node, "standardisation needs [N, features] input, found " + in.shape() + " from " + in.tensor()
                    + "; describe the Flatten explicitly");
        }
        float[] mean = s.mean();
        float[] std = s.std();
        if (mean.length != in.shape().size()) {
            throw invalid(node, "has " + mean.length + " means, its input " + in.tensor() + " has shape " + in.shape());
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0f) || !Float.isFinite(std[i]) || !Float.isFinite(mean[i])) {
                throw invalid(node, "feature " + i + " has mean " + mean[i] + " and std " + std[i]
                        + "; std must be positive and both finite");
            }
        }
        String meanTensor = graph.initializer(node.name() + ".mean", mean, mean.length);
        String stdTensor = graph.initializer(node.name() + ".std", std, std.length);
        String centred = graph.reserve(node.name() + ".centred");
        graph.node("Sub", node.name() + ".centre", List.of(in.tensor(), meanTensor), centred);
        String out = graph.reserve(node.name());
        graph.node("Div", node.name(), List.of(centred, stdTensor), out);
        return new Value(out, in.shape());
    }

    private void requireImage(NetworkNode node, Value in) {
        if (!in.shape().isImage()) {
            throw invalid(node, "needs an [N, C, H, W] input, its input " + in.tensor() + " has shape " + in.shape());
        }
    }

    private void requirePositive(NetworkNode node, String what, int height, int width) {
        if (height <= 0 || width <= 0) {
            throw invalid(node, what + " must be positive, found " + height + "×" + width);
        }
    }

    private Layer.Padding requirePadding(NetworkNode node, Layer.Padding p) {
        if (p.top() < 0 || p.left() < 0 || p.bottom() < 0 || p.right() < 0) {
            throw unsupported(node, "negative padding (cropping) " + describe(p));
        }
        return p;
    }

    private int outputSize(NetworkNode node, int input, int kernel, int stride, int padBefore, int padAfter) {
        int padded = input + padBefore + padAfter;
        if (padded < kernel) {
            throw invalid(node, "window of " + kernel + " does not fit an input of " + input + " padded by "
                    + padBefore + "+" + padAfter);
        }
        return (padded - kernel) / stride + 1;
    }

    private static String describe(Layer.Padding p) {
        return "(top " + p.top() + ", left " + p.left() + ", bottom " + p.bottom() + ", right " + p.right() + ")";
    }

    private UnsupportedFeatureException unsupported(NetworkNode node, String problem) {
        return new UnsupportedFeatureException("ONNX export of network '" + network + "': node '" + node.name() + "' ("
                + node.layer().typeName() + "): " + problem);
    }

    private InvalidInputException invalid(NetworkNode node, String problem) {
        return new InvalidInputException("ONNX export of network '" + network + "': node '" + node.name() + "' ("
                + node.layer().typeName() + ") " + problem);
    }
}
