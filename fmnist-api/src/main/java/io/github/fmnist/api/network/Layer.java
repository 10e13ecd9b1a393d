package io.github.fmnist.api.network;

/**
 * The operations a framework-neutral network description may use. Shapes follow NCHW for images and
 * {@code [N, features]} after {@link Flatten}. Every weight array is copied on construction and on access.
 */
public sealed interface Layer {

    /** Short type name for messages ("Convolution", "Dense", ...). */
    default String typeName() {
        return getClass().getSimpleName();
    }

    /**
     * 2-D convolution with bias, no dilation, one group.
     *
     * @param weights OIHW: {@code outChannels × inChannels × kernelHeight × kernelWidth}
     * @param bias    {@code outChannels} values
     * @param padding pixels added at top, left, bottom and right
     */
    record Convolution(int inChannels, int outChannels, int kernelHeight, int kernelWidth, int strideHeight,
                       int strideWidth, Padding padding, float[] weights, float[] bias) implements Layer {
        public Convolution {
            Shapes.require("Convolution weights", weights, (long) outChannels * inChannels * kernelHeight * kernelWidth);
            Shapes.require("Convolution bias", bias, outChannels);
            weights = weights.clone();
            bias = bias.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        @Override
        public float[] bias() {
            return bias.clone();
        }
    }

    /** Max pooling. */
    record MaxPool(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, Padding padding) implements Layer {
    }

    /** Average pooling (padding excluded from the average). */
    record AveragePool(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, Padding padding) implements Layer {
    }

    /** Mean over each channel's spatial positions: {@code [N, C, H, W] → [N, C, 1, 1]}. */
    record GlobalAveragePool() implements Layer {
    }

    /**
     * Inference-mode batch normalisation per channel: {@code γ (x − mean) / √(variance + ε) + β}.
     */
    record BatchNorm(int channels, float[] gamma, float[] beta, float[] mean, float[] variance, double epsilon) implements Layer {
        public BatchNorm {
            Shapes.require("BatchNorm gamma", gamma, channels);
            Shapes.require("BatchNorm beta", beta, channels);
            Shapes.require("BatchNorm mean", mean, channels);
            Shapes.require("BatchNorm variance", variance, channels);
            gamma = gamma.clone();
            beta = beta.clone();
            mean = mean.clone();
            variance = variance.clone();
        }

        @Override
        public float[] gamma() {
            return gamma.clone();
        }

        @Override
        public float[] beta() {
            return beta.clone();
        }

        @Override
        public float[] mean() {
            return mean.clone();
        }

        @Override
        public float[] variance() {
            return variance.clone();
        }
    }

    /** Element-wise sum of all inputs (a residual connection); inputs have equal shapes. */
    record Add() implements Layer {
    }

    /** {@code [N, C, H, W] → [N, C·H·W]} in C, H, W order. */
    record Flatten() implements Layer {
    }

    /**
     * Fully connected layer {@code y = x W + b}.
     *
     * @param weights {@code inputs × outputs}, row-major (row = input feature)
     * @param bias    {@code outputs} values
     */
    record Dense(int inputs, int outputs, float[] weights, float[] bias) implements Layer {
        public Dense {
            Shapes.require("Dense weights", weights, (long) inputs * outputs);
            Shapes.require("Dense bias", bias, outputs);
            weights = weights.clone();
            bias = bias.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        @Override
        public float[] bias() {
            return bias.clone();
        }
    }

    /** An element-wise activation. */
    record Activation(ActivationFunction function) implements Layer {
    }

    /** Dropout; the identity at inference. */
    record Dropout(double rate) implements Layer {
    }

    /**
     * Per-feature affine standardisation {@code (x − mean) / std} on {@code [N, features]} input
     * (for example a classic model's feature scaling).
     */
    record Standardize(float[] mean, float[] std) implements Layer {
        public Standardize {
            if (mean.length != std.length) {
                throw new IllegalArgumentException("Standardize mean has " + mean.length + " values but std has " + std.length);
            }
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public float[] mean() {
            return mean.clone();
        }

        @Override
        public float[] std() {
            return std.clone();
        }
    }

    /**
     * The image mirrored left to right, {@code [N, C, H, W] → [N, C, H, W]}: output column {@code x} is input column
     * {@code W − 1 − x}. Lets a description run a network on flipped images (test-time augmentation).
     */
    record FlipHorizontal() implements Layer {
        /**
         * What this layer computes, for callers that mirror images themselves (a test-time augmentation in the JVM):
         * a new array in which column {@code x} of every row of every 28×28 image is column {@code 27 − x} of
         * {@code nchw}.
         */
        public static float[] apply(float[] nchw) {
            int side = io.github.fmnist.api.Image.SIDE;
            float[] out = new float[nchw.length];
            for (int row = 0; row < nchw.length / side; row++) {
                int base = row * side;
                for (int x = 0; x < side; x++) {
                    out[base + x] = nchw[base + side - 1 - x];
                }
            }
            return out;
        }
    }

    /**
     * Soft voting: logits whose softmax is the weighted mean of the softmax probabilities of its inputs. With
     * {@code pᵢ = softmax(xᵢ)} and {@code ŵᵢ = wᵢ / Σ w}, the output is {@code log(Σ ŵᵢ pᵢ)}; since those
     * probabilities sum to 1, its softmax is {@code Σ ŵᵢ pᵢ} itself. Inputs are {@code [N, features]} of one size,
     * one weight each. A probability that underflows to 0 in every input gives a logit of −∞ (softmax 0).
     *
     * @param weights positive and finite, one per input, in input order; copied on construction and on access
     */
    record ProbabilityAverage(float[] weights) implements Layer {
        public ProbabilityAverage {
            if (weights.length == 0) {
                throw new IllegalArgumentException("ProbabilityAverage needs at least one weight");
            }
            weights = weights.clone();
            for (float w : weights) {
                if (!(w > 0f) || !Float.isFinite(w)) {
                    throw new IllegalArgumentException("ProbabilityAverage weights must be positive and finite, found "
                            + java.util.Arrays.toString(weights));
                }
            }
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        /** The weights divided by their sum. */
        public double[] normalizedWeights() {
            double total = 0;
            for (float w : weights) {
                total += w;
            }
            double[] out = new double[weights.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = weights[i] / total;
            }
            return out;
        }
    }

    /** Element-wise activations. */
    enum ActivationFunction {
        RELU, SIGMOID, TANH, IDENTITY
    }

    /** Padding in pixels. */
    record Padding(int top, int left, int bottom, int right) {
        /** No padding. */
        public static final Padding NONE = new Padding(0, 0, 0, 0);

        /** The same padding on every side. */
        public static Padding of(int all) {
            return new Padding(all, all, all, all);
        }
    }
}

final class Shapes {
    private Shapes() {
    }

    static void require(String what, float[] values, long expected) {
        if (values.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " values, found " + values.length);
        }
    }

}
