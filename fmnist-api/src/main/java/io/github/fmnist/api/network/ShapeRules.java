package io.github.fmnist.api.network;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import java.util.List;

/** The shape rules of one node: what its inputs must look like and what it produces. */
final class ShapeRules {
    private final String context;
    private final NetworkNode node;

    ShapeRules(String context, NetworkNode node) {
        this.context = context;
        this.node = node;
    }

    TensorShape outputShape(List<TensorShape> inputs) {
        Layer layer = node.layer();
        if (!(layer instanceof Layer.Add) && !(layer instanceof Layer.ProbabilityAverage) && inputs.size() != 1) {
            throw invalid("takes one input, found " + inputs.size());
        }
        TensorShape in = inputs.getFirst();
        return switch (layer) {
            case Layer.Convolution c -> convolution(c, in);
            case Layer.MaxPool p -> pool(p.kernelHeight(), p.kernelWidth(), p.strideHeight(), p.strideWidth(), p.padding(), in);
            case Layer.AveragePool p -> pool(p.kernelHeight(), p.kernelWidth(), p.strideHeight(), p.strideWidth(), p.padding(), in);
            case Layer.GlobalAveragePool g -> TensorShape.image(requireImage(in, 0).channels(), 1, 1);
            case Layer.BatchNorm b -> batchNorm(b, in);
            case Layer.Add a -> add(inputs);
            case Layer.Flatten f -> TensorShape.features(in.size());
            case Layer.Dense d -> dense(d, in);
            case Layer.Activation a -> in;
            case Layer.Dropout d -> in;
            case Layer.Standardize s -> standardize(s, in);
            case Layer.FlipHorizontal f -> requireImage(in, 0);
            case Layer.ProbabilityAverage p -> probabilityAverage(p, inputs);
        };
    }

    private TensorShape convolution(Layer.Convolution c, TensorShape in) {
        requireImage(in, 0);
        if (in.channels() != c.inChannels()) {
            throw invalid("expects " + c.inChannels() + " input channels, its input " + inputName(0) + " has shape " + in);
        }
        requirePositive("kernel", c.kernelHeight(), c.kernelWidth());
        requirePositive("stride", c.strideHeight(), c.strideWidth());
        Layer.Padding p = requireNonNegative(c.padding());
        return TensorShape.image(c.outChannels(),
                outputSize(in.height(), c.kernelHeight(), c.strideHeight(), p.top(), p.bottom()),
                outputSize(in.width(), c.kernelWidth(), c.strideWidth(), p.left(), p.right()));
    }

    private TensorShape pool(int kh, int kw, int sh, int sw, Layer.Padding padding, TensorShape in) {
        requireImage(in, 0);
        requirePositive("kernel", kh, kw);
        requirePositive("stride", sh, sw);
        Layer.Padding p = requireNonNegative(padding);
        if (p.top() >= kh || p.bottom() >= kh || p.left() >= kw || p.right() >= kw) {
            // A window lying wholly in the padding has no defined maximum or average (ONNX Runtime refuses it too).
            throw unsupported("padding " + describe(p) + " is not smaller than the " + kh + "×" + kw
                    + " pooling window, so a window could hold padding only");
        }
        return TensorShape.image(in.channels(),
                outputSize(in.height(), kh, sh, p.top(), p.bottom()),
                outputSize(in.width(), kw, sw, p.left(), p.right()));
    }

    private TensorShape batchNorm(Layer.BatchNorm b, TensorShape in) {
        if (in.channels() != b.channels()) {
            throw invalid("normalises " + b.channels() + " channels, its input " + inputName(0) + " has shape " + in);
        }
        if (!(b.epsilon() > 0) || !Double.isFinite(b.epsilon())) {
            throw invalid("epsilon must be a positive number, found " + b.epsilon());
        }
        return in;
    }

    private TensorShape add(List<TensorShape> inputs) {
        if (inputs.size() < 2) {
            throw invalid("adds at least two inputs, found " + inputs.size());
        }
        for (TensorShape shape : inputs) {
            if (!shape.equals(inputs.getFirst())) {
                throw invalid("inputs " + node.inputs() + " must have equal shapes, found " + inputs);
            }
        }
        return inputs.getFirst();
    }

    private TensorShape probabilityAverage(Layer.ProbabilityAverage p, List<TensorShape> inputs) {
        if (p.weights().length != inputs.size()) {
            throw invalid("has " + p.weights().length + " weights for " + inputs.size() + " inputs " + node.inputs());
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).isFeatures() || !inputs.get(i).equals(inputs.getFirst())) {
                throw invalid("averages [N, features] inputs of one size, its inputs " + node.inputs() + " have shapes " + inputs);
            }
        }
        return inputs.getFirst();
    }

    private TensorShape dense(Layer.Dense d, TensorShape in) {
        // [N, C, 1, 1] (after a global average pool) has one unambiguous flattening and the same memory layout.
        if (in.isImage() && (in.height() != 1 || in.width() != 1)) {
            throw unsupported("a dense layer needs [N, features] input, its input " + inputName(0) + " has shape " + in
                    + "; describe the Flatten explicitly");
        }
        if (in.size() != d.inputs()) {
            throw invalid("expects " + d.inputs() + " input features, its input " + inputName(0) + " has shape " + in);
        }
        return TensorShape.features(d.outputs());
    }

    private TensorShape standardize(Layer.Standardize s, TensorShape in) {
        if (!in.isFeatures()) {
            throw unsupported("standardisation needs [N, features] input, its input " + inputName(0) + " has shape " + in
                    + "; describe the Flatten explicitly");
        }
        float[] mean = s.mean();
        float[] std = s.std();
        if (mean.length != in.size()) {
            throw invalid("has " + mean.length + " means, its input " + inputName(0) + " has shape " + in);
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0f) || !Float.isFinite(std[i]) || !Float.isFinite(mean[i])) {
                throw invalid("feature " + i + " has mean " + mean[i] + " and std " + std[i]
                        + "; std must be positive and both finite");
            }
        }
        return in;
    }

    private TensorShape requireImage(TensorShape in, int input) {
        if (!in.isImage()) {
            throw invalid("needs an [N, C, H, W] input, its input " + inputName(input) + " has shape " + in);
        }
        return in;
    }

    private void requirePositive(String what, int height, int width) {
        if (height <= 0 || width <= 0) {
            throw invalid(what + " must be positive, found " + height + "×" + width);
        }
    }

    private Layer.Padding requireNonNegative(Layer.Padding p) {
        if (p.top() < 0 || p.left() < 0 || p.bottom() < 0 || p.right() < 0) {
            throw unsupported("negative padding (cropping) " + describe(p));
        }
        return p;
    }

    private int outputSize(int input, int kernel, int stride, int padBefore, int padAfter) {
        int padded = input + padBefore + padAfter;
        if (padded < kernel) {
            throw invalid("window of " + kernel + " does not fit an input of " + input + " padded by "
                    + padBefore + "+" + padAfter);
        }
        return (padded - kernel) / stride + 1;
    }

    private String inputName(int input) {
        return "'" + node.inputs().get(input) + "'";
    }

    private static String describe(Layer.Padding p) {
        return "(top " + p.top() + ", left " + p.left() + ", bottom " + p.bottom() + ", right " + p.right() + ")";
    }

    private UnsupportedFeatureException unsupported(String problem) {
        return new UnsupportedFeatureException(prefix() + problem);
    }

    private InvalidInputException invalid(String problem) {
        return new InvalidInputException(prefix() + problem);
    }

    private String prefix() {
        return context + ": node '" + node.name() + "' (" + node.layer().typeName() + "): ";
    }
}
