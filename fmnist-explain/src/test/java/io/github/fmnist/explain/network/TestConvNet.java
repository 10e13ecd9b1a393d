package io.github.fmnist.explain.network;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small convolutional network in plain Java for the tests: convolutions with ReLU, global average
 * pooling, a dense layer to ten logits, softmax. It offers {@link ConvolutionGradients} like fmnist-dl's
 * networks do, and can be trained with plain SGD. Inference is thread-safe; training is not.
 */
public final class TestConvNet implements Classifier, ConvolutionGradients {

    /** How the last convolution's channels become one value each. */
    public enum Pooling { GLOBAL_AVERAGE, GLOBAL_MAX }

    /** A convolution with {@code outChannels} square kernels; ReLU follows. */
    public record Conv(int outChannels, int kernel, int stride, int pad) {
    }

    private final List<Conv> convs;
    private final int[] inChannels;
    private final int[] inSize;
    private final int[] outSize;
    final double[][] weights;
    final double[][] biases;
    final double[] dense;
    final double[] denseBias;
    private final Pooling pooling;

    /** Weights for layer l are {@code [out][in][k][k]} flattened; dense is {@code [10][channels of last]}. */
    public TestConvNet(List<Conv> convs, double[][] weights, double[][] biases, double[] dense, double[] denseBias) {
        this(convs, Pooling.GLOBAL_AVERAGE, weights, biases, dense, denseBias);
    }

    public TestConvNet(List<Conv> convs, Pooling pooling, double[][] weights, double[][] biases, double[] dense,
                       double[] denseBias) {
        this.pooling = pooling;
        this.convs = List.copyOf(convs);
        int n = convs.size();
        inChannels = new int[n];
        inSize = new int[n];
        outSize = new int[n];
        int channels = 1;
        int size = Image.SIDE;
        for (int l = 0; l < n; l++) {
            Conv c = convs.get(l);
            inChannels[l] = channels;
            inSize[l] = size;
            size = (size + 2 * c.pad() - c.kernel()) / c.stride() + 1;
            outSize[l] = size;
            channels = c.outChannels();
            check(weights[l].length == c.outChannels() * inChannels[l] * c.kernel() * c.kernel(), "weights of layer " + l);
            check(biases[l].length == c.outChannels(), "biases of layer " + l);
        }
        check(dense.length == FashionClass.COUNT * channels, "dense weights");
        check(denseBias.length == FashionClass.COUNT, "dense bias");
        this.weights = weights;
        this.biases = biases;
        this.dense = dense;
        this.denseBias = denseBias;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("wrong size: " + what);
        }
    }

    /** He-initialised weights, zero biases. */
    public static TestConvNet random(List<Conv> convs, long seed) {
        return random(convs, Pooling.GLOBAL_AVERAGE, seed);
    }

    public static TestConvNet random(List<Conv> convs, Pooling pooling, long seed) {
        Random random = new Random(seed);
        double[][] w = new double[convs.size()][];
        double[][] b = new double[convs.size()][];
        int channels = 1;
        for (int l = 0; l < convs.size(); l++) {
            Conv c = convs.get(l);
            int fanIn = channels * c.kernel() * c.kernel();
            w[l] = new double[c.outChannels() * fanIn];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = random.nextGaussian() * Math.sqrt(2.0 / fanIn);
            }
            b[l] = new double[c.outChannels()];
            channels = c.outChannels();
        }
        double[] d = new double[FashionClass.COUNT * channels];
        for (int i = 0; i < d.length; i++) {
            d[i] = random.nextGaussian() * Math.sqrt(1.0 / channels);
        }
        return new TestConvNet(convs, pooling, w, b, d, new double[FashionClass.COUNT]);
    }

    public int layerCount() {
        return convs.size();
    }

    /** One forward pass: {@code act[0]} is the input, {@code act[l + 1]} the ReLU output of conv l. */
    final class Pass {
        final double[][] act = new double[convs.size() + 1][];
        final double[] pooled;
        final int[] argmax;
        final double[] logits = new double[FashionClass.COUNT];

        Pass(float[] image, int offset) {
            act[0] = new double[Image.PIXELS];
            for (int i = 0; i < Image.PIXELS; i++) {
                act[0][i] = image[offset + i];
            }
            for (int l = 0; l < convs.size(); l++) {
                act[l + 1] = convolve(l, act[l]);
            }
            int last = convs.size() - 1;
            int channels = convs.get(last).outChannels();
            int plane = outSize[last] * outSize[last];
            pooled = new double[channels];
            argmax = new int[channels];
            for (int k = 0; k < channels; k++) {
                double sum = 0;
                for (int i = 0; i < plane; i++) {
                    double v = act[last + 1][k * plane + i];
                    sum += v;
                    if (v > act[last + 1][k * plane + argmax[k]]) {
                        argmax[k] = i;
                    }
                }
                pooled[k] = pooling == Pooling.GLOBAL_AVERAGE ? sum / plane : act[last + 1][k * plane + argmax[k]];
            }
            for (int c = 0; c < FashionClass.COUNT; c++) {
                double z = denseBias[c];
                for (int k = 0; k < channels; k++) {
                    z += dense[c * channels + k] * pooled[k];
                }
                logits[c] = z;
            }
        }

        double[] probabilities() {
            double max = Double.NEGATIVE_INFINITY;
            for (double z : logits) {
                max = Math.max(max, z);
            }
            double[] p = new double[logits.length];
            double sum = 0;
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

    Pass forward(float[] image, int offset) {
        return new Pass(image, offset);
    }

    private double[] convolve(int l, double[] in) {
        Conv c = convs.get(l);
        int ci = inChannels[l];
        int n = inSize[l];
        int m = outSize[l];
        int k = c.kernel();
        double[] w = weights[l];
        double[] out = new double[c.outChannels() * m * m];
        for (int o = 0; o < c.outChannels(); o++) {
            for (int y = 0; y < m; y++) {
                for (int x = 0; x < m; x++) {
                    double z = biases[l][o];
                    for (int i = 0; i < ci; i++) {
                        for (int ky = 0; ky < k; ky++) {
                            int iy = y * c.stride() + ky - c.pad();
                            if (iy < 0 || iy >= n) {
                                continue;
                            }
                            int wBase = ((o * ci + i) * k + ky) * k;
                            int inBase = (i * n + iy) * n;
                            for (int kx = 0; kx < k; kx++) {
                                int ix = x * c.stride() + kx - c.pad();
                                if (ix >= 0 && ix < n) {
                                    z += w[wBase + kx] * in[inBase + ix];
                                }
                            }
                        }
                    }
                    out[(o * m + y) * m + x] = Math.max(0, z);
                }
            }
        }
        return out;
    }

    /** Parameter gradients, shaped like the parameters. */
    final class Grads {
        final double[][] w = new double[convs.size()][];
        final double[][] b = new double[convs.size()][];
        final double[] dense = new double[TestConvNet.this.dense.length];
        final double[] denseBias = new double[FashionClass.COUNT];

        Grads() {
            for (int l = 0; l < convs.size(); l++) {
                w[l] = new double[weights[l].length];
                b[l] = new double[biases[l].length];
            }
        }
    }

    /**
     * Back-propagates {@code dLogits}; returns ∂/∂act[l] for {@code l ≥ downTo}. With {@code grads} it goes
     * all the way down and accumulates the parameter gradients.
     */
    double[][] backward(Pass p, double[] dLogits, Grads grads, int downTo) {
        int n = convs.size();
        double[][] dAct = new double[n + 1][];
        int channels = convs.get(n - 1).outChannels();
        int plane = outSize[n - 1] * outSize[n - 1];
        double[] dLast = new double[channels * plane];
        for (int k = 0; k < channels; k++) {
            double dPooled = 0;
            for (int c = 0; c < FashionClass.COUNT; c++) {
                dPooled += dLogits[c] * dense[c * channels + k];
            }
            if (pooling == Pooling.GLOBAL_AVERAGE) {
                for (int i = 0; i < plane; i++) {
                    dLast[k * plane + i] = dPooled / plane;
                }
            } else {
                dLast[k * plane + p.argmax[k]] = dPooled;
            }
        }
        if (grads != null) {
            for (int c = 0; c < FashionClass.COUNT; c++) {
                grads.denseBias[c] += dLogits[c];
                for (int k = 0; k < channels; k++) {
                    grads.dense[c * channels + k] += dLogits[c] * p.pooled[k];
                }
            }
        }
        dAct[n] = dLast;
        int stop = grads != null ? 0 : downTo;
        for (int l = n - 1; l >= stop; l--) {
            dAct[l] = backwardConv(l, p, dAct[l + 1], grads, l > 0 || grads == null);
        }
        return dAct;
    }

    private double[] backwardConv(int l, Pass p, double[] dOut, Grads grads, boolean needInputGradient) {
        Conv c = convs.get(l);
        int ci = inChannels[l];
        int n = inSize[l];
        int m = outSize[l];
        int k = c.kernel();
        double[] in = p.act[l];
        double[] out = p.act[l + 1];
        double[] w = weights[l];
        double[] dIn = new double[ci * n * n];
        for (int o = 0; o < c.outChannels(); o++) {
            for (int y = 0; y < m; y++) {
                for (int x = 0; x < m; x++) {
                    int outIndex = (o * m + y) * m + x;
                    if (out[outIndex] <= 0) {
                        continue;
                    }
                    double dz = dOut[outIndex];
                    if (grads != null) {
                        grads.b[l][o] += dz;
                    }
                    for (int i = 0; i < ci; i++) {
                        for (int ky = 0; ky < k; ky++) {
                            int iy = y * c.stride() + ky - c.pad();
                            if (iy < 0 || iy >= n) {
                                continue;
                            }
                            int wBase = ((o * ci + i) * k + ky) * k;
                            int inBase = (i * n + iy) * n;
                            for (int kx = 0; kx < k; kx++) {
                                int ix = x * c.stride() + kx - c.pad();
                                if (ix < 0 || ix >= n) {
                                    continue;
                                }
                                if (grads != null) {
                                    grads.w[l][wBase + kx] += dz * in[inBase + ix];
                                }
                                if (needInputGradient) {
                                    dIn[inBase + ix] += dz * w[wBase + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        return dIn;
    }

    /** Cross-entropy gradients of one example, added to {@code grads}; returns the loss. */
    double accumulateLossGradients(float[] images, int offset, int label, Grads grads) {
        Pass p = forward(images, offset);
        double[] dLogits = p.probabilities();
        double loss = -Math.log(Math.max(1e-12, dLogits[label]));
        dLogits[label] -= 1;
        backward(p, dLogits, grads, 0);
        return loss;
    }

    Grads newGrads() {
        return new Grads();
    }

    private Grads adamMean;
    private Grads adamSquare;
    private int adamSteps;

    /** One Adam step (β₁ 0.9, β₂ 0.999) with the given learning rate; {@code g} holds summed gradients of {@code batch} examples. */
    void adamStep(Grads g, int batch, double rate) {
        if (adamMean == null) {
            adamMean = new Grads();
            adamSquare = new Grads();
        }
        adamSteps++;
        double correction = Math.sqrt(1 - Math.pow(0.999, adamSteps)) / (1 - Math.pow(0.9, adamSteps));
        for (int l = 0; l < convs.size(); l++) {
            adam(weights[l], g.w[l], adamMean.w[l], adamSquare.w[l], batch, rate * correction);
            adam(biases[l], g.b[l], adamMean.b[l], adamSquare.b[l], batch, rate * correction);
        }
        adam(dense, g.dense, adamMean.dense, adamSquare.dense, batch, rate * correction);
        adam(denseBias, g.denseBias, adamMean.denseBias, adamSquare.denseBias, batch, rate * correction);
    }

    private static void adam(double[] params, double[] grads, double[] mean, double[] square, int batch, double rate) {
        for (int i = 0; i < params.length; i++) {
            double grad = grads[i] / batch;
            mean[i] = 0.9 * mean[i] + 0.1 * grad;
            square[i] = 0.999 * square[i] + 0.001 * grad * grad;
            params[i] -= rate * mean[i] / (Math.sqrt(square[i]) + 1e-8);
        }
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("test-cnn", "1", Hyperparameters.defaults(List.of()));
    }

    private final java.util.concurrent.atomic.AtomicInteger predictCalls = new java.util.concurrent.atomic.AtomicInteger();

    /** How often {@link #predictNormalized} was called. */
    public int predictCalls() {
        return predictCalls.get();
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        predictCalls.incrementAndGet();
        int count = Classifier.imageCount(nchw);
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            double[] p = forward(nchw, i * Image.PIXELS).probabilities();
            out[i] = new float[p.length];
            for (int c = 0; c < p.length; c++) {
                out[i][c] = (float) p[c];
            }
        }
        return out;
    }

    @Override
    public void writePayload(PayloadSink sink) {
        throw new UnsupportedFeatureException("the test network cannot be saved");
    }

    @Override
    public List<String> convolutionLayers() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < convs.size(); l++) {
            names.add("conv" + (l + 1));
        }
        return names;
    }

    @Override
    public ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target) {
        int l = convolutionLayers().indexOf(layer);
        if (l < 0) {
            throw new InvalidInputException("unknown layer " + layer);
        }
        if (normalizedImage.length != Image.PIXELS) {
            throw new InvalidInputException("expected 784 values, found " + normalizedImage.length);
        }
        Pass p = forward(normalizedImage, 0);
        double[] dLogits = new double[FashionClass.COUNT];
        dLogits[target.label()] = 1;
        double[][] dAct = backward(p, dLogits, null, l + 1);
        return new ActivationGradients(layer, target, p.logits[target.label()], convs.get(l).outChannels(), outSize[l],
                outSize[l], p.act[l + 1], dAct[l + 1]);
    }
}
