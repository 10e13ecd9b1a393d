package io.github.fmnist.testkit;

import static io.github.fmnist.testkit.LayerKernels.toDouble;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkNode;
import java.util.List;

/**
 * Turns one {@link NetworkNode} into a ready-to-run step: checks that its inputs have the shapes the layer
 * needs, works out the output shape and converts the weights to double once. The checks are the ones the
 * ONNX exporter makes, so a description the reference accepts is one the exporter accepts too.
 */
final class LayerCompiler {
    private final String network;

    LayerCompiler(String network) {
        this.network = network;
    }

    /** What one node computes for one image. */
    @FunctionalInterface
    interface Operation {
        double[] apply(List<double[]> inputs);
    }

    /** A node ready to run: its output shape and its arithmetic. */
    record Step(TensorShape shape, Operation operation) {
    }

    Step compile(NetworkNode node, List<TensorShape> inputs) {
        Layer layer = node.layer();
        if (!(layer instanceof Layer.Add) && inputs.size() != 1) {
            throw invalid(node, "takes one input, found " + inputs.size());
        }
        try {
            return switch (layer) {
                case Layer.Convolution c -> convolution(node, c, inputs.getFirst());
                case Layer.MaxPool p -> pool(node, new LayerKernels.Window(p.kernelHeight(), p.kernelWidth(),
                        p.strideHeight(), p.strideWidth(), p.padding()), true, inputs.getFirst());
                case Layer.AveragePool p -> pool(node, new LayerKernels.Window(p.kernelHeight(), p.kernelWidth(),
                        p.strideHeight(), p.strideWidth(), p.padding()), false, inputs.getFirst());
                case Layer.GlobalAveragePool g -> globalAveragePool(node, inputs.getFirst());
                case Layer.BatchNorm b -> batchNorm(node, b, inputs.getFirst());
                case Layer.Add a -> add(node, inputs);
                case Layer.Flatten f -> new Step(TensorShape.features(inputs.getFirst().size()), x -> x.getFirst());
                case Layer.Dense d -> dense(node, d, inputs.getFirst());
                case Layer.Activation a -> new Step(inputs.getFirst(), x -> LayerKernels.activation(a.function(), x.getFirst()));
                case Layer.Dropout d -> new Step(inputs.getFirst(), x -> x.getFirst());
                case Layer.Standardize s -> standardize(node, s, inputs.getFirst());
            };
        } catch (MatchException e) {
            // Only reachable when running against a newer api that added a layer kind after this testkit was built.
            throw unsupported(node, "this fmnist-testkit does not know the layer kind " + layer.getClass().getName()
                    + "; use the testkit of the same version as fmnist-api");
        }
    }

    private Step convolution(NetworkNode node, Layer.Convolution c, TensorShape in) {
        requireImage(node, in);
        if (in.channels() != c.inChannels()) {
            throw invalid(node, "expects " + c.inChannels() + " input channels, its input has shape " + in);
        }
        requirePositive(node, "kernel", c.kernelHeight(), c.kernelWidth());
        requirePositive(node, "stride", c.strideHeight(), c.strideWidth());
        Layer.Padding p = requirePadding(node, c.padding());
        TensorShape out = TensorShape.image(c.outChannels(),
                outputSize(node, in.height(), c.kernelHeight(), c.strideHeight(), p.top(), p.bottom()),
                outputSize(node, in.width(), c.kernelWidth(), c.strideWidth(), p.left(), p.right()));
        LayerKernels.Convolution kernel = new LayerKernels.Convolution(c.inChannels(), c.outChannels(), c.kernelHeight(),
                c.kernelWidth(), c.strideHeight(), c.strideWidth(), p, toDouble(c.weights()), toDouble(c.bias()));
        return new Step(out, x -> LayerKernels.convolution(kernel, in, out, x.getFirst()));
    }

    private Step pool(NetworkNode node, LayerKernels.Window window, boolean max, TensorShape in) {
        requireImage(node, in);
        requirePositive(node, "kernel", window.kernelHeight(), window.kernelWidth());
        requirePositive(node, "stride", window.strideHeight(), window.strideWidth());
        Layer.Padding p = requirePadding(node, window.padding());
        if (p.top() >= window.kernelHeight() || p.bottom() >= window.kernelHeight()
                || p.left() >= window.kernelWidth() || p.right() >= window.kernelWidth()) {
            throw unsupported(node, "padding " + describe(p) + " is not smaller than the " + window.kernelHeight() + "×"
                    + window.kernelWidth() + " pooling window, so a window could hold padding only");
        }
        TensorShape out = TensorShape.image(in.channels(),
                outputSize(node, in.height(), window.kernelHeight(), window.strideHeight(), p.top(), p.bottom()),
                outputSize(node, in.width(), window.kernelWidth(), window.strideWidth(), p.left(), p.right()));
        return new Step(out, x -> LayerKernels.pool(window, max, in, out, x.getFirst()));
    }

    private Step globalAveragePool(NetworkNode node, TensorShape in) {
        requireImage(node, in);
        return new Step(TensorShape.image(in.channels(), 1, 1), x -> LayerKernels.globalAveragePool(in, x.getFirst()));
    }

    private Step batchNorm(NetworkNode node, Layer.BatchNorm b, TensorShape in) {
        if (in.channels() != b.channels()) {
            throw invalid(node, "normalises " + b.channels() + " channels, its input has shape " + in);
        }
        if (!(b.epsilon() > 0) || !Double.isFinite(b.epsilon())) {
            throw invalid(node, "epsilon must be a positive number, found " + b.epsilon());
        }
        float[] gamma = b.gamma();
        float[] variance = b.variance();
        double[] scale = new double[b.channels()];
        for (int ch = 0; ch < scale.length; ch++) {
            scale[ch] = gamma[ch] / Math.sqrt(variance[ch] + b.epsilon());
        }
        double[] shift = toDouble(b.beta());
        double[] mean = toDouble(b.mean());
        return new Step(in, x -> LayerKernels.batchNorm(scale, shift, mean, in, x.getFirst()));
    }

    private Step add(NetworkNode node, List<TensorShape> inputs) {
        if (inputs.size() < 2) {
            throw invalid(node, "adds at least two inputs, found " + inputs.size());
        }
        for (TensorShape shape : inputs) {
            if (!shape.equals(inputs.getFirst())) {
                throw invalid(node, "inputs " + node.inputs() + " must have equal shapes, found " + inputs);
            }
        }
        return new Step(inputs.getFirst(), LayerKernels::add);
    }

    private Step dense(NetworkNode node, Layer.Dense d, TensorShape in) {
        if (in.isImage() && (in.height() != 1 || in.width() != 1)) {
            throw unsupported(node, "a dense layer needs [N, features] input, found " + in + "; describe the Flatten explicitly");
        }
        // [N, C, 1, 1] (after a global average pool) has one unambiguous flattening and the same memory layout.
        if (in.size() != d.inputs()) {
            throw invalid(node, "expects " + d.inputs() + " input features, its input has shape " + in);
        }
        double[] weights = toDouble(d.weights());
        double[] bias = toDouble(d.bias());
        return new Step(TensorShape.features(d.outputs()), x -> LayerKernels.dense(weights, bias, x.getFirst()));
    }

    private Step standardize(NetworkNode node, Layer.Standardize s, TensorShape in) {
        if (!in.isFeatures()) {
            throw unsupported(node, "standardisation needs [N, features] input, found " + in + "; describe the Flatten explicitly");
        }
        float[] mean = s.mean();
        float[] std = s.std();
        if (mean.length != in.size()) {
            throw invalid(node, "has " + mean.length + " means, its input has shape " + in);
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0f) || !Float.isFinite(std[i]) || !Float.isFinite(mean[i])) {
                throw invalid(node, "feature " + i + " has mean " + mean[i] + " and std " + std[i]
                        + "; std must be positive and both finite");
            }
        }
        double[] m = toDouble(mean);
        double[] sd = toDouble(std);
        return new Step(in, x -> LayerKernels.standardize(m, sd, x.getFirst()));
    }

    private void requireImage(NetworkNode node, TensorShape in) {
        if (!in.isImage()) {
            throw invalid(node, "needs an [N, C, H, W] input, its input has shape " + in);
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

    UnsupportedFeatureException unsupported(NetworkNode node, String problem) {
        return new UnsupportedFeatureException(prefix(node) + problem);
    }

    InvalidInputException invalid(NetworkNode node, String problem) {
        return new InvalidInputException(prefix(node) + problem);
    }

    private String prefix(NetworkNode node) {
        return "reference evaluation of network '" + network + "': node '" + node.name() + "' (" + node.layer().typeName() + "): ";
    }
}
