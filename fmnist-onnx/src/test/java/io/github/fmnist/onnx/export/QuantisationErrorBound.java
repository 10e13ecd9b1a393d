package io.github.fmnist.onnx.export;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.Layer.ActivationFunction;
import io.github.fmnist.api.network.Layer.Padding;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.onnx.TestNetworks;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorProto;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

/**
 * A bound on how far the int8 logits of {@link #network} can be from its float logits, derived from the int8
 * model's own stored values.
 *
 * <p>The network is conv (1→{@value #CHANNELS}, 3×3) → ReLU → flatten → dense → logits. What the int8 model
 * computes is fixed by its integers except for one rounding: the pixels ({@code x̃ = round(x/s_x)·s_x}), the
 * conv weights and bias ({@code w̃ = q·s_w[o]}, {@code b̃ = q·s_x·s_w[o]}), the dense weights and bias are all
 * stored, and the integer accumulation of QLinearConv is exact, so the real-valued ReLU output before
 * requantisation, {@code h̄ = relu(Σ w̃ x̃ + b̃)}, is known exactly. Requantising it to step {@code s_h}
 * (zero point 0, top {@code 255·s_h}) moves each element by at most {@code s_h/2 + max(0, h̄ − 255·s_h)}
 * (rounding, plus clipping above the calibrated range). The logits' dense layer (weights {@code v}, bias
 * {@code c}) stays float on the dequantised {@code h̃}, so
 * <pre>
 * |int8 logit_j − float logit_j| ≤ |Σ_i v_ij·h̄_i + c_j − float logit_j| + Σ_i |v_ij|·(s_h/2 + max(0, h̄_i − 255·s_h))
 * </pre>
 * plus 1e-4·(1 + |logit|) for the float multipliers ONNX Runtime requantises and dequantises with. The first
 * term is the conv weights' and pixels' quantisation error (computed), the second bounds the activation rounding in
 * the worst case (every element rounding the wrong way).
 */
final class QuantisationErrorBound {
    static final int CHANNELS = 4;
    private static final int SIDE = Image.SIDE - 2;
    private static final int FEATURES = CHANNELS * SIDE * SIDE;

    private final double[] convWeights;
    private final double[] convBias;
    private final double[] denseWeights;
    private final double[] denseBias;
    private final double sx;
    private final double sh;

    private QuantisationErrorBound(NetworkDescription network, ModelProto int8) {
        sx = floats(int8, "image.scale")[0];
        sh = floats(int8, "relu.scale")[0];
        float[] sw = floats(int8, "conv.weight.scale");
        convWeights = dequantise(bytes(int8, "conv.weight.int8"), sw, i -> i / 9);
        convBias = dequantise(ints(int8, "conv.bias.int32"), sw, o -> o);
        for (int o = 0; o < convBias.length; o++) {
            convBias[o] *= sx;
        }
        Layer.Dense dense = (Layer.Dense) network.nodes().get(3).layer(); // the logits' dense layer stays float
        denseWeights = toDouble(dense.weights());
        denseBias = toDouble(dense.bias());
    }

    static QuantisationErrorBound of(NetworkDescription network, ModelProto int8) {
        return new QuantisationErrorBound(network, int8);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static NetworkDescription network(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("bound", List.of(
                NetworkNode.of("conv", TestNetworks.conv(r, 1, CHANNELS, 3, 3, 1, 1, Padding.NONE), NetworkDescription.INPUT),
                NetworkNode.of("relu", new Layer.Activation(ActivationFunction.RELU), "conv"),
                NetworkNode.of("flatten", new Layer.Flatten(), "relu"),
                NetworkNode.of("dense", TestNetworks.dense(r, FEATURES, FashionClass.COUNT), "flatten")), "dense");
    }

    /** The bound on |int8 logit − float logit| for each class of the image at {@code offset} of {@code nchw}. */
    double[] logitBounds(float[] nchw, int offset, double[] floatLogits) {
        double top = 255 * sh;
        double[] hBar = reluBeforeRequantisation(nchw, offset);
        double[] bounds = new double[FashionClass.COUNT];
        for (int j = 0; j < bounds.length; j++) {
            double computed = denseBias[j];
            double rounding = 0;
            for (int i = 0; i < FEATURES; i++) {
                double v = denseWeights[i * FashionClass.COUNT + j];
                computed += v * hBar[i];
                rounding += Math.abs(v) * (sh / 2 + Math.max(0, hBar[i] - top));
            }
            bounds[j] = Math.abs(computed - floatLogits[j]) + rounding + 1e-4 * (1 + Math.abs(floatLogits[j]));
        }
        return bounds;
    }

    private double[] reluBeforeRequantisation(float[] nchw, int offset) {
        double[] h = new double[FEATURES];
        for (int o = 0; o < CHANNELS; o++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double z = convBias[o];
                    for (int dy = 0; dy < 3; dy++) {
                        for (int dx = 0; dx < 3; dx++) {
                            double pixel = Math.clamp(Math.round(nchw[offset + (y + dy) * Image.SIDE + x + dx] / sx), 0, 255) * sx;
                            z += convWeights[o * 9 + dy * 3 + dx] * pixel;
                        }
                    }
                    h[(o * SIDE + y) * SIDE + x] = Math.max(0, z);
                }
            }
        }
        return h;
    }

    private static double[] dequantise(long[] q, float[] scales, java.util.function.IntUnaryOperator channel) {
        double[] v = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            v[i] = q[i] * (double) scales[channel.applyAsInt(i)];
        }
        return v;
    }

    private static TensorProto tensor(ModelProto model, String name) {
        return model.getGraph().getInitializerList().stream().filter(i -> i.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no initializer " + name));
    }

    private static long[] bytes(ModelProto model, String name) {
        byte[] raw = tensor(model, name).getRawData().toByteArray();
        long[] v = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            v[i] = raw[i];
        }
        return v;
    }

    private static long[] ints(ModelProto model, String name) {
        java.nio.IntBuffer b = tensor(model, name).getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        long[] v = new long[b.remaining()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.get(i);
        }
        return v;
    }

    private static float[] floats(ModelProto model, String name) {
        TensorProto t = tensor(model, name);
        float[] v = new float[t.getRawData().size() / Float.BYTES];
        t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
