package io.github.fmnist.dl;

import io.github.fmnist.api.network.Layer;
import io.github.fmnist.dl.DescribedNetwork.Tensor;
import java.util.Arrays;

/** The forward and backward arithmetic of {@link DescribedNetwork}'s operations, for one image in double precision. */
final class TensorOps {
    private TensorOps() {
    }

    /**
     * Weight-stationary loop order: each kernel weight is applied to a whole output row at once, so the innermost
     * loop runs over contiguous doubles (which the JIT vectorises). Each output still sums bias, then channels,
     * kernel rows and kernel columns in that order, as a direct loop would.
     */
    static Tensor convolution(Tensor x, Layer.Convolution c) {
        int kh = c.kernelHeight();
        int kw = c.kernelWidth();
        int sh = c.strideHeight();
        int sw = c.strideWidth();
        int top = c.padding().top();
        int left = c.padding().left();
        int inChannels = c.inChannels();
        int inH = x.height();
        int inW = x.width();
        int outH = outputSize(inH, kh, sh, top, c.padding().bottom());
        int outW = outputSize(inW, kw, sw, left, c.padding().right());
        float[] w = c.weights();
        float[] b = c.bias();
        double[] in = x.values();
        double[] out = new double[c.outChannels() * outH * outW];
        for (int o = 0; o < c.outChannels(); o++) {
            int plane = o * outH * outW;
            Arrays.fill(out, plane, plane + outH * outW, b[o]);
            for (int ch = 0; ch < inChannels; ch++) {
                int inPlane = ch * inH * inW;
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++) {
                        double weight = w[((o * inChannels + ch) * kh + ky) * kw + kx];
                        int oxFrom = Math.max(0, Math.ceilDiv(left - kx, sw));
                        int oxTo = Math.min(outW, Math.floorDiv(inW - 1 + left - kx, sw) + 1);
                        for (int oy = 0; oy < outH; oy++) {
                            int iy = oy * sh - top + ky;
                            if (iy < 0 || iy >= inH) {
                                continue;
                            }
                            int outRow = plane + oy * outW;
                            int inRow = inPlane + iy * inW - left + kx;
                            if (sw == 1) {
                                for (int ox = oxFrom; ox < oxTo; ox++) {
                                    out[outRow + ox] += weight * in[inRow + ox];
                                }
                            } else {
                                for (int ox = oxFrom; ox < oxTo; ox++) {
                                    out[outRow + ox] += weight * in[inRow + ox * sw];
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Tensor(out, c.outChannels(), outH, outW);
    }

    static double[] convolutionBackward(Tensor x, Layer.Convolution c, double[] g) {
        int outH = outputSize(x.height(), c.kernelHeight(), c.strideHeight(), c.padding().top(), c.padding().bottom());
        int outW = outputSize(x.width(), c.kernelWidth(), c.strideWidth(), c.padding().left(), c.padding().right());
        float[] w = c.weights();
        double[] dx = new double[x.values().length];
        for (int o = 0; o < c.outChannels(); o++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double go = g[(o * outH + oy) * outW + ox];
                    if (go == 0) {
                        continue;
                    }
                    for (int ch = 0; ch < c.inChannels(); ch++) {
                        for (int ky = 0; ky < c.kernelHeight(); ky++) {
                            int iy = oy * c.strideHeight() - c.padding().top() + ky;
                            if (iy < 0 || iy >= x.height()) {
                                continue;
                            }
                            for (int kx = 0; kx < c.kernelWidth(); kx++) {
                                int ix = ox * c.strideWidth() - c.padding().left() + kx;
                                if (ix >= 0 && ix < x.width()) {
                                    dx[(ch * x.height() + iy) * x.width() + ix] +=
                                            go * w[((o * c.inChannels() + ch) * c.kernelHeight() + ky) * c.kernelWidth() + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }

    /** Max pooling; when {@code argmax} is given it receives the input index each output came from. */
    static Tensor maxPool(Tensor x, Layer.MaxPool p, int[] argmax) {
        int outH = outputSize(x.height(), p.kernelHeight(), p.strideHeight(), p.padding().top(), p.padding().bottom());
        int outW = outputSize(x.width(), p.kernelWidth(), p.strideWidth(), p.padding().left(), p.padding().right());
        double[] in = x.values();
        double[] out = new double[x.channels() * outH * outW];
        for (int ch = 0; ch < x.channels(); ch++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int bestIndex = -1;
                    for (int ky = 0; ky < p.kernelHeight(); ky++) {
                        int iy = oy * p.strideHeight() - p.padding().top() + ky;
                        for (int kx = 0; kx < p.kernelWidth(); kx++) {
                            int ix = ox * p.strideWidth() - p.padding().left() + kx;
                            if (iy >= 0 && iy < x.height() && ix >= 0 && ix < x.width()) {
                                int index = (ch * x.height() + iy) * x.width() + ix;
                                if (in[index] > best) {
                                    best = in[index];
                                    bestIndex = index;
                                }
                            }
                        }
                    }
                    int o = (ch * outH + oy) * outW + ox;
                    out[o] = best;
                    if (argmax != null) {
                        argmax[o] = bestIndex;
                    }
                }
            }
        }
        return new Tensor(out, x.channels(), outH, outW);
    }

    static double[] maxPoolBackward(Tensor x, Layer.MaxPool p, double[] g) {
        int[] argmax = new int[g.length];
        maxPool(x, p, argmax);
        double[] dx = new double[x.values().length];
        for (int o = 0; o < g.length; o++) {
            if (argmax[o] >= 0) {
                dx[argmax[o]] += g[o];
            }
        }
        return dx;
    }

    static Tensor globalAveragePool(Tensor x) {
        int area = x.height() * x.width();
        double[] out = new double[x.channels()];
        for (int ch = 0; ch < x.channels(); ch++) {
            double s = 0;
            for (int k = 0; k < area; k++) {
                s += x.values()[ch * area + k];
            }
            out[ch] = s / area;
        }
        return new Tensor(out, x.channels(), 1, 1);
    }

    static double[] globalAveragePoolBackward(Tensor x, double[] g) {
        int area = x.height() * x.width();
        double[] dx = new double[x.values().length];
        for (int ch = 0; ch < x.channels(); ch++) {
            for (int k = 0; k < area; k++) {
                dx[ch * area + k] = g[ch] / area;
            }
        }
        return dx;
    }

    static Tensor batchNorm(Tensor x, Layer.BatchNorm b) {
        float[] gamma = b.gamma();
        float[] beta = b.beta();
        float[] mean = b.mean();
        float[] variance = b.variance();
        int area = x.height() * x.width();
        double[] out = new double[x.values().length];
        for (int ch = 0; ch < x.channels(); ch++) {
            double scale = gamma[ch] / Math.sqrt(variance[ch] + b.epsilon());
            for (int k = 0; k < area; k++) {
                int i = ch * area + k;
                out[i] = (x.values()[i] - mean[ch]) * scale + beta[ch];
            }
        }
        return new Tensor(out, x.channels(), x.height(), x.width());
    }

    /** Inference-mode derivative: the running statistics are constants, so it is a per-channel scale. */
    static double[] batchNormBackward(Tensor x, Layer.BatchNorm b, double[] g) {
        float[] gamma = b.gamma();
        float[] variance = b.variance();
        int area = x.height() * x.width();
        double[] dx = new double[g.length];
        for (int ch = 0; ch < x.channels(); ch++) {
            double scale = gamma[ch] / Math.sqrt(variance[ch] + b.epsilon());
            for (int k = 0; k < area; k++) {
                dx[ch * area + k] = g[ch * area + k] * scale;
            }
        }
        return dx;
    }

    static Tensor dense(Tensor x, Layer.Dense d) {
        float[] w = d.weights();
        float[] b = d.bias();
        double[] in = x.values();
        double[] out = new double[d.outputs()];
        for (int j = 0; j < d.outputs(); j++) {
            out[j] = b[j];
        }
        for (int i = 0; i < d.inputs(); i++) {
            double xi = in[i];
            for (int j = 0; j < d.outputs(); j++) {
                out[j] += xi * w[i * d.outputs() + j];
            }
        }
        return Tensor.flat(out);
    }

    static double[] denseBackward(Layer.Dense d, double[] g) {
        float[] w = d.weights();
        double[] dx = new double[d.inputs()];
        for (int i = 0; i < d.inputs(); i++) {
            double s = 0;
            for (int j = 0; j < d.outputs(); j++) {
                s += w[i * d.outputs() + j] * g[j];
            }
            dx[i] = s;
        }
        return dx;
    }

    static Tensor activation(Tensor x, Layer.ActivationFunction f) {
        double[] out = x.values().clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (f) {
                case RELU -> Math.max(0, out[i]);
                case SIGMOID -> 1 / (1 + Math.exp(-out[i]));
                case TANH -> Math.tanh(out[i]);
                case IDENTITY -> out[i];
            };
        }
        return new Tensor(out, x.channels(), x.height(), x.width());
    }

    static double[] activationBackward(Tensor x, Tensor y, Layer.ActivationFunction f, double[] g) {
        double[] dx = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            double yi = y.values()[i];
            dx[i] = g[i] * switch (f) {
                case RELU -> x.values()[i] > 0 ? 1 : 0;
                case SIGMOID -> yi * (1 - yi);
                case TANH -> 1 - yi * yi;
                case IDENTITY -> 1;
            };
        }
        return dx;
    }

    static Tensor standardize(Tensor x, Layer.Standardize s) {
        float[] mean = s.mean();
        float[] std = s.std();
        double[] out = new double[x.values().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (x.values()[i] - mean[i]) / std[i];
        }
        return new Tensor(out, x.channels(), x.height(), x.width());
    }

    static double[] standardizeBackward(Layer.Standardize s, double[] g) {
        float[] std = s.std();
        double[] dx = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] / std[i];
        }
        return dx;
    }

    private static int outputSize(int in, int kernel, int stride, int padBefore, int padAfter) {
        return (in + padBefore + padAfter - kernel) / stride + 1;
    }
}
