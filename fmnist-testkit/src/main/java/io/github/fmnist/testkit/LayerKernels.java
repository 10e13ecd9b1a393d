package io.github.fmnist.testkit;

import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.TensorShape;

/**
 * The arithmetic of each layer kind for one image, in double precision, written straight from the
 * definitions in {@link Layer}: NCHW layout, zero padding for convolutions, padding ignored by pooling,
 * floor rounding of output sizes. Shapes are checked by {@link io.github.fmnist.api.network.CheckedNetwork} before any of these run.
 */
final class LayerKernels {
    private LayerKernels() {
    }

    /** Convolution geometry with the weights converted once. */
    record Convolution(int inChannels, int outChannels, int kernelHeight, int kernelWidth, int strideHeight,
                       int strideWidth, Layer.Padding padding, double[] weights, double[] bias) {
    }

    /** Pooling window geometry. */
    record Window(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, Layer.Padding padding) {
    }

    static double[] convolution(Convolution c, TensorShape in, TensorShape out, double[] x) {
        int ci = c.inChannels(), kh = c.kernelHeight(), kw = c.kernelWidth();
        int h = in.height(), w = in.width(), oh = out.height(), ow = out.width();
        double[] y = new double[out.size()];
        for (int o = 0; o < c.outChannels(); o++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double sum = c.bias()[o];
                    for (int i = 0; i < ci; i++) {
                        for (int ky = 0; ky < kh; ky++) {
                            int iy = oy * c.strideHeight() - c.padding().top() + ky;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            for (int kx = 0; kx < kw; kx++) {
                                int ix = ox * c.strideWidth() - c.padding().left() + kx;
                                if (ix >= 0 && ix < w) {
                                    sum += c.weights()[((o * ci + i) * kh + ky) * kw + kx] * x[(i * h + iy) * w + ix];
                                }
                            }
                        }
                    }
                    y[(o * oh + oy) * ow + ox] = sum;
                }
            }
        }
        return y;
    }

    /** Max or average pooling; positions in the padding take no part (the average divides by the rest). */
    static double[] pool(Window p, boolean max, TensorShape in, TensorShape out, double[] x) {
        int h = in.height(), w = in.width(), oh = out.height(), ow = out.width();
        double[] y = new double[out.size()];
        for (int ch = 0; ch < in.channels(); ch++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int count = 0;
                    for (int ky = 0; ky < p.kernelHeight(); ky++) {
                        int iy = oy * p.strideHeight() - p.padding().top() + ky;
                        for (int kx = 0; kx < p.kernelWidth(); kx++) {
                            int ix = ox * p.strideWidth() - p.padding().left() + kx;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                double v = x[(ch * h + iy) * w + ix];
                                acc = max ? Math.max(acc, v) : acc + v;
                                count++;
                            }
                        }
                    }
                    y[(ch * oh + oy) * ow + ox] = max ? acc : acc / count;
                }
            }
        }
        return y;
    }

    static double[] globalAveragePool(TensorShape in, double[] x) {
        int perChannel = in.height() * in.width();
        double[] y = new double[in.channels()];
        for (int ch = 0; ch < y.length; ch++) {
            double sum = 0;
            for (int k = 0; k < perChannel; k++) {
                sum += x[ch * perChannel + k];
            }
            y[ch] = sum / perChannel;
        }
        return y;
    }

    /** {@code γ (x − mean) / √(variance + ε) + β} per channel; the channel is the first dimension. */
    static double[] batchNorm(double[] scale, double[] shift, double[] mean, TensorShape in, double[] x) {
        int perChannel = in.size() / scale.length;
        double[] y = new double[x.length];
        for (int ch = 0; ch < scale.length; ch++) {
            for (int k = 0; k < perChannel; k++) {
                int i = ch * perChannel + k;
                y[i] = (x[i] - mean[ch]) * scale[ch] + shift[ch];
            }
        }
        return y;
    }

    static double[] add(java.util.List<double[]> inputs) {
        double[] y = inputs.getFirst().clone();
        for (double[] other : inputs.subList(1, inputs.size())) {
            for (int i = 0; i < y.length; i++) {
                y[i] += other[i];
            }
        }
        return y;
    }

    /** {@code y = x W + b} with {@code W} stored inputs × outputs, row-major. */
    static double[] dense(double[] weights, double[] bias, double[] x) {
        int outputs = bias.length;
        double[] y = bias.clone();
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            for (int j = 0; j < outputs; j++) {
                y[j] += xi * weights[i * outputs + j];
            }
        }
        return y;
    }

    static double[] activation(Layer.ActivationFunction f, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            double v = x[i];
            y[i] = switch (f) {
                case RELU -> Math.max(0, v);
                case SIGMOID -> 1 / (1 + Math.exp(-v));
                case TANH -> Math.tanh(v);
                case IDENTITY -> v;
            };
        }
        return y;
    }

    static double[] standardize(double[] mean, double[] std, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (x[i] - mean[i]) / std[i];
        }
        return y;
    }

    static double[] flipHorizontal(TensorShape in, double[] x) {
        int h = in.height();
        int w = in.width();
        double[] out = new double[x.length];
        for (int row = 0; row < in.channels() * h; row++) {
            for (int col = 0; col < w; col++) {
                out[row * w + col] = x[row * w + (w - 1 - col)];
            }
        }
        return out;
    }

    /** {@code log(Σ wᵢ softmax(xᵢ))} for weights summing to 1. */
    static double[] logOfWeightedMeanSoftmax(double[] weights, java.util.List<double[]> inputs) {
        double[] mean = new double[inputs.getFirst().length];
        for (int i = 0; i < weights.length; i++) {
            double[] z = inputs.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double total = 0;
            for (double v : z) {
                total += Math.exp(v - max);
            }
            for (int c = 0; c < z.length; c++) {
                mean[c] += weights[i] * Math.exp(z[c] - max) / total;
            }
        }
        for (int c = 0; c < mean.length; c++) {
            mean[c] = Math.log(mean[c]);
        }
        return mean;
    }

    static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
