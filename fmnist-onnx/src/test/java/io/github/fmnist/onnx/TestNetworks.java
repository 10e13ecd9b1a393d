package io.github.fmnist.onnx;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.Layer.ActivationFunction;
import io.github.fmnist.api.network.Layer.Padding;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.List;
import java.util.Random;

/** Small hand-built networks with random weights covering every layer type. */
public final class TestNetworks {
    private TestNetworks() {
    }

    /**
     * conv (stride 2, asymmetric padding) + BN + ReLU, max pool, a residual block (conv + BN + add), average
     * pool with padding, dropout, global average pool, dense straight on the [N, C, 1, 1] pool output.
     */
    public static NetworkDescription residualCnn(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("residual-cnn", List.of(
                NetworkNode.of("conv1", conv(r, 1, 6, 3, 3, 1, 1, new Padding(1, 1, 1, 1)), NetworkDescription.INPUT),
                NetworkNode.of("bn1", batchNorm(r, 6), "conv1"),
                NetworkNode.of("relu1", new Layer.Activation(ActivationFunction.RELU), "bn1"),
                NetworkNode.of("conv2", conv(r, 6, 8, 3, 3, 2, 2, new Padding(0, 0, 1, 1)), "relu1"),
                NetworkNode.of("pool1", new Layer.MaxPool(2, 2, 2, 2, Padding.NONE), "conv2"),
                NetworkNode.of("res.conv", conv(r, 8, 8, 3, 3, 1, 1, Padding.of(1)), "pool1"),
                NetworkNode.of("res.bn", batchNorm(r, 8), "res.conv"),
                new NetworkNode("res.add", new Layer.Add(), List.of("res.bn", "pool1")),
                NetworkNode.of("res.relu", new Layer.Activation(ActivationFunction.RELU), "res.add"),
                NetworkNode.of("pool2", new Layer.AveragePool(3, 3, 2, 2, Padding.of(1)), "res.relu"),
                NetworkNode.of("drop", new Layer.Dropout(0.5), "pool2"),
                NetworkNode.of("gap", new Layer.GlobalAveragePool(), "drop"),
                NetworkNode.of("dense", dense(r, 8, 10), "gap")), "dense");
    }

    /** Flatten + dense head on a feature map, with sigmoid and tanh activations. */
    public static NetworkDescription flattenCnn(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("flatten-cnn", List.of(
                NetworkNode.of("conv", conv(r, 1, 4, 5, 5, 1, 1, Padding.NONE), NetworkDescription.INPUT),
                NetworkNode.of("tanh", new Layer.Activation(ActivationFunction.TANH), "conv"),
                NetworkNode.of("pool", new Layer.MaxPool(3, 3, 3, 3, new Padding(1, 1, 1, 1)), "tanh"),
                NetworkNode.of("flatten", new Layer.Flatten(), "pool"),
                NetworkNode.of("hidden", dense(r, 4 * 8 * 8, 16), "flatten"),
                NetworkNode.of("sigmoid", new Layer.Activation(ActivationFunction.SIGMOID), "hidden"),
                NetworkNode.of("logits", dense(r, 16, 10), "sigmoid")), "logits");
    }

    /** The classic MLP shape: flatten, per-pixel standardisation, dense, ReLU, dense. */
    public static NetworkDescription mlp(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("mlp", List.of(
                NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("scale", standardize(r), "flatten"),
                NetworkNode.of("hidden", dense(r, Image.PIXELS, 32), "scale"),
                NetworkNode.of("relu", new Layer.Activation(ActivationFunction.RELU), "hidden"),
                NetworkNode.of("out", dense(r, 32, 10), "relu"),
                NetworkNode.of("identity", new Layer.Activation(ActivationFunction.IDENTITY), "out")), "identity");
    }

    /** The classic logistic regression shape: flatten, standardisation, one dense layer. */
    public static NetworkDescription logisticRegression(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("logreg", List.of(
                NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("scale", standardize(r), "flatten"),
                NetworkNode.of("linear", dense(r, Image.PIXELS, 10), "scale")), "linear");
    }

    /**
     * Soft voting of a small CNN on the mirrored image and a logistic regression on the image itself, weights 2 and
     * 1: the two layers an ensemble description adds (FlipHorizontal, ProbabilityAverage).
     */
    public static NetworkDescription softVote(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("soft-vote", List.of(
                NetworkNode.of("flip", new Layer.FlipHorizontal(), NetworkDescription.INPUT),
                NetworkNode.of("a.conv", conv(r, 1, 4, 3, 3, 1, 1, new Padding(0, 2, 1, 0)), "flip"),
                NetworkNode.of("a.relu", new Layer.Activation(ActivationFunction.RELU), "a.conv"),
                NetworkNode.of("a.gap", new Layer.GlobalAveragePool(), "a.relu"),
                NetworkNode.of("a.logits", dense(r, 4, 10), "a.gap"),
                NetworkNode.of("b.flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("b.logits", dense(r, Image.PIXELS, 10), "b.flatten"),
                new NetworkNode("vote", new Layer.ProbabilityAverage(new float[] {2f, 1f}), List.of("a.logits", "b.logits"))),
                "vote");
    }

    /** {@code n} random images as normalised NCHW pixels (multiples of 1/255, like real images). */
    public static float[] randomImages(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * Image.PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(256) / 255f;
        }
        return x;
    }

    public static Layer.Convolution conv(Random r, int in, int out, int kh, int kw, int sh, int sw, Padding p) {
        return new Layer.Convolution(in, out, kh, kw, sh, sw, p, gaussian(r, out * in * kh * kw, 1 / Math.sqrt(in * kh * kw)),
                gaussian(r, out, 0.1));
    }

    public static Layer.Dense dense(Random r, int in, int out) {
        return new Layer.Dense(in, out, gaussian(r, in * out, 1 / Math.sqrt(in)), gaussian(r, out, 0.1));
    }

    public static Layer.BatchNorm batchNormOf(Random r, int c) {
        return batchNorm(r, c);
    }

    static Layer.BatchNorm batchNorm(Random r, int c) {
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            var[i] = 0.5f + r.nextFloat();
        }
        return new Layer.BatchNorm(c, shifted(gaussian(r, c, 0.2), 1f), gaussian(r, c, 0.2), gaussian(r, c, 0.3), var, 1e-5);
    }

    static Layer.Standardize standardize(Random r) {
        float[] mean = new float[Image.PIXELS];
        float[] std = new float[Image.PIXELS];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = r.nextFloat() * 0.5f;
            std[i] = 0.1f + r.nextFloat() * 0.4f;
        }
        return new Layer.Standardize(mean, std);
    }

    private static float[] gaussian(Random r, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    private static float[] shifted(float[] v, float by) {
        for (int i = 0; i < v.length; i++) {
            v[i] += by;
        }
        return v;
    }
}
