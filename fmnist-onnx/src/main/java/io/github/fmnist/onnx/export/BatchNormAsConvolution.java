package io.github.fmnist.onnx.export;

import static io.github.fmnist.onnx.export.GraphBuilder.integer;
import static io.github.fmnist.onnx.export.GraphBuilder.ints;

import com.google.protobuf.ByteString;
import io.github.fmnist.onnx.proto.OnnxIr.AttributeProto;
import io.github.fmnist.onnx.proto.OnnxIr.GraphProto;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.NodeProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites each remaining BatchNormalization (one that could not be folded into a preceding convolution,
 * such as a BatchNorm after a ReLU) as the per-channel affine map it is, a 1×1 depthwise Conv
 * ({@code group} = channels) with weight {@code γ/√(var+ε)} and bias {@code β − mean·γ/√(var+ε)}. ONNX Runtime
 * has no integer BatchNormalization, but it runs this Conv as a QLinearConv, so the tensor stays 8-bit instead
 * of leaving the integer kernels for a float island. Each weight is exactly representable per channel (it is
 * its own channel's maximum), so the only added error is the output's requantisation.
 */
final class BatchNormAsConvolution {
    private BatchNormAsConvolution() {
    }

    /** @param imageBatchNorms names of the BatchNormalization nodes with an {@code [N, C, H, W]} input */
    static ModelProto rewrite(ModelProto model, Set<String> imageBatchNorms) {
        GraphProto graph = model.getGraph();
        Map<String, TensorProto> initializers = new HashMap<>();
        graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        GraphProto.Builder g = graph.toBuilder().clearNode();
        for (NodeProto node : graph.getNodeList()) {
            if (!node.getOpType().equals("BatchNormalization") || !imageBatchNorms.contains(node.getName())) {
                g.addNode(node);
                continue;
            }
            float[] gamma = floats(initializers.get(node.getInput(1)));
            float[] beta = floats(initializers.get(node.getInput(2)));
            float[] mean = floats(initializers.get(node.getInput(3)));
            float[] variance = floats(initializers.get(node.getInput(4)));
            double epsilon = node.getAttributeList().stream().filter(a -> a.getName().equals("epsilon"))
                    .mapToDouble(AttributeProto::getF).findFirst().orElse(1e-5);
            int channels = gamma.length;
            float[] weight = new float[channels];
            float[] bias = new float[channels];
            for (int c = 0; c < channels; c++) {
                double s = gamma[c] / Math.sqrt(variance[c] + (double) (float) epsilon);
                weight[c] = (float) s;
                bias[c] = (float) (beta[c] - mean[c] * s);
            }
            String w = node.getName() + ".depthwise.weight";
            String b = node.getName() + ".depthwise.bias";
            g.addInitializer(tensor(w, weight, channels, 1, 1, 1));
            g.addInitializer(tensor(b, bias, channels));
            g.addNode(NodeProto.newBuilder().setOpType("Conv").setName(node.getName())
                    .addInput(node.getInput(0)).addInput(w).addInput(b).addOutput(node.getOutput(0))
                    .addAttribute(ints("kernel_shape", 1, 1)).addAttribute(ints("strides", 1, 1))
                    .addAttribute(ints("pads", 0, 0, 0, 0)).addAttribute(ints("dilations", 1, 1))
                    .addAttribute(integer("group", channels)));
        }
        return model.toBuilder().setGraph(g).build();
    }

    private static float[] floats(TensorProto t) {
        float[] v = new float[t.getRawData().size() / Float.BYTES];
        t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static TensorProto tensor(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}
