package io.github.fmnist.onnx;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain-Java forward pass of a {@link NetworkDescription}, written straight from the layer
 * definitions (loops, double accumulation), to check what ONNX Runtime computes for an export.
 */
public final class ReferenceForward {
    private ReferenceForward() {
    }

    /** A batch of tensors: {@code n} images of {@code dims} (batch excluded), row-major. */
    record Batch(int n, int[] dims, double[] data) {
        int size() {
            int s = 1;
            for (int d : dims) {
                s *= d;
            }
            return s;
        }
    }

    /** The logits, one row of ten per image. */
    public static double[][] logits(NetworkDescription network, float[] nchw) {
        int n = nchw.length / Image.PIXELS;
        double[] input = new double[nchw.length];
        for (int i = 0; i < input.length; i++) {
            input[i] = nchw[i];
        }
        Map<String, Batch> values = new HashMap<>();
        values.put(NetworkDescription.INPUT, new Batch(n, new int[] {1, Image.SIDE, Image.SIDE}, input));
        for (NetworkNode node : network.nodes()) {
            List<Batch> in = node.inputs().stream().map(values::get).toList();
            values.put(node.name(), apply(node.layer(), in));
        }
        Batch out = values.get(network.logits());
        double[][] rows = new double[n][out.size()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(out.data(), i * out.size(), rows[i], 0, out.size());
        }
        return rows;
    }

    /** Softmax of each row. */
    public static double[][] softmax(double[][] logits) {
        double[][] p = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            p[i] = new double[logits[i].length];
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] = Math.exp(logits[i][j] - max);
                sum += p[i][j];
            }
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] /= sum;
            }
        }
        return p;
    }

    private static Batch apply(Layer layer, List<Batch> in) {
        Batch x = in.getFirst();
        return switch (layer) {
            case Layer.Convolution c -> conv(c, x);
            case Layer.MaxPool p -> pool(x, p.kernelHeight(), p.kernelWidth(), p.strideHeight(), p.strideWidth(), p.padding(), true);
            case Layer.AveragePool p -> pool(x, p.kernelHeight(), p.kernelWidth(), p.strideHeight(), p.strideWidth(), p.padding(), false);
            case Layer.GlobalAveragePool g -> pool(x, x.dims()[1], x.dims()[2], 1, 1, Layer.Padding.NONE, false);
            case Layer.BatchNorm b -> batchNorm(b, x);
            case Layer.Add a -> add(in);
            case Layer.Flatten f -> new Batch(x.n(), new int[] {x.size()}, x.data());
            case Layer.Dense d -> dense(d, x);
            case Layer.Activation a -> activation(a.function(), x);
            case Layer.Dropout d -> x;
            case Layer.Standardize s -> standardize(s, x);
        };
    }

    private static Batch conv(Layer.Convolution c, Batch x) {
        int ci = c.inChannels(), co = c.outChannels(), kh = c.kernelHeight(), kw = c.kernelWidth();
        int h = x.dims()[1], w = x.dims()[2];
        Layer.Padding p = c.padding();
        int oh = (h + p.top() + p.bottom() - kh) / c.strideHeight() + 1;
        int ow = (w + p.left() + p.right() - kw) / c.strideWidth() + 1;
        float[] weights = c.weights();
        float[] bias = c.bias();
        double[] out = new double[x.n() * co * oh * ow];
        for (int b = 0; b < x.n(); b++) {
            for (int o = 0; o < co; o++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double sum = bias[o];
                        for (int i = 0; i < ci; i++) {
                            for (int ky = 0; ky < kh; ky++) {
                                int iy = oy * c.strideHeight() - p.top() + ky;
                                for (int kx = 0; kx < kw; kx++) {
                                    int ix = ox * c.strideWidth() - p.left() + kx;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        sum += weights[((o * ci + i) * kh + ky) * kw + kx]
                                                * x.data()[((b * ci + i) * h + iy) * w + ix];
                                    }
                                }
                            }
                        }
                        out[((b * co + o) * oh + oy) * ow + ox] = sum;
                    }
                }
            }
        }
        return new Batch(x.n(), new int[] {co, oh, ow}, out);
    }

    private static Batch pool(Batch x, int kh, int kw, int sh, int sw, Layer.Padding p, boolean max) {
        int c = x.dims()[0], h = x.dims()[1], w = x.dims()[2];
        int oh = (h + p.top() + p.bottom() - kh) / sh + 1;
        int ow = (w + p.left() + p.right() - kw) / sw + 1;
        double[] out = new double[x.n() * c * oh * ow];
        for (int b = 0; b < x.n(); b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int count = 0;
                        for (int ky = 0; ky < kh; ky++) {
                            for (int kx = 0; kx < kw; kx++) {
                                int iy = oy * sh - p.top() + ky, ix = ox * sw - p.left() + kx;
                                if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                    double v = x.data()[((b * c + ch) * h + iy) * w + ix];
                                    acc = max ? Math.max(acc, v) : acc + v;
                                    count++;
                                }
                            }
                        }
                        out[((b * c + ch) * oh + oy) * ow + ox] = max ? acc : acc / count;
                    }
                }
            }
        }
        return new Batch(x.n(), new int[] {c, oh, ow}, out);
    }

    private static Batch batchNorm(Layer.BatchNorm bn, Batch x) {
        int channels = x.dims()[0];
        int perChannel = x.size() / channels;
        float[] gamma = bn.gamma(), beta = bn.beta(), mean = bn.mean(), var = bn.variance();
        double[] out = new double[x.data().length];
        for (int b = 0; b < x.n(); b++) {
            for (int ch = 0; ch < channels; ch++) {
                double scale = gamma[ch] / Math.sqrt(var[ch] + bn.epsilon());
                for (int k = 0; k < perChannel; k++) {
                    int i = (b * channels + ch) * perChannel + k;
                    out[i] = (x.data()[i] - mean[ch]) * scale + beta[ch];
                }
            }
        }
        return new Batch(x.n(), x.dims(), out);
    }

    private static Batch add(List<Batch> in) {
        double[] out = in.getFirst().data().clone();
        for (Batch other : in.subList(1, in.size())) {
            for (int i = 0; i < out.length; i++) {
                out[i] += other.data()[i];
            }
        }
        return new Batch(in.getFirst().n(), in.getFirst().dims(), out);
    }

    private static Batch dense(Layer.Dense d, Batch x) {
        float[] weights = d.weights();
        float[] bias = d.bias();
        double[] out = new double[x.n() * d.outputs()];
        for (int b = 0; b < x.n(); b++) {
            for (int j = 0; j < d.outputs(); j++) {
                double sum = bias[j];
                for (int i = 0; i < d.inputs(); i++) {
                    sum += x.data()[b * d.inputs() + i] * weights[i * d.outputs() + j];
                }
                out[b * d.outputs() + j] = sum;
            }
        }
        return new Batch(x.n(), new int[] {d.outputs()}, out);
    }

    private static Batch activation(Layer.ActivationFunction f, Batch x) {
        double[] out = new double[x.data().length];
        for (int i = 0; i < out.length; i++) {
            double v = x.data()[i];
            out[i] = switch (f) {
                case RELU -> Math.max(0, v);
                case SIGMOID -> 1 / (1 + Math.exp(-v));
                case TANH -> Math.tanh(v);
                case IDENTITY -> v;
            };
        }
        return new Batch(x.n(), x.dims(), out);
    }

    private static Batch standardize(Layer.Standardize s, Batch x) {
        float[] mean = s.mean(), std = s.std();
        double[] out = new double[x.data().length];
        for (int i = 0; i < out.length; i++) {
            int f = i % mean.length;
            out[i] = (x.data()[i] - mean[f]) / std[f];
        }
        return new Batch(x.n(), x.dims(), out);
    }
}
