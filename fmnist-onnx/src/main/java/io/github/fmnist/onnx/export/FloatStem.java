package io.github.fmnist.onnx.export;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import io.github.fmnist.onnx.proto.OnnxIr.GraphProto;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.NodeProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorProto;
import io.github.fmnist.onnx.proto.OnnxIr.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stem of an int8 model: the convolutions reading the one-channel image, with the ReLU and max pool after
 * them, stay float, and the first tensor another convolution reads is where quantisation starts.
 *
 * <p>Why (measured with ONNX Runtime 1.29.0's profiler on the full-profile {@code cnn}, batch 256, 2 threads): a
 * QLinearConv with one input channel took 29–34 % of the all-int8 graph's kernel time, more than either later
 * convolution with 16× its multiply-adds: with a single input channel its integer GEMM has only 9 products per
 * output to amortise packing and layout changes over. As a float NCHWc convolution the stem takes 11–14 % of the
 * (smaller) total. The float stem is also the more accurate: its rounding would reach every later layer.
 *
 * <p>A ReLU followed by a max pool after the stem is reordered to max pool → ReLU ({@code max} commutes with
 * the monotone ReLU, so the values are identical): ONNX Runtime moves a QuantizeLinear up across a MaxPool, so
 * with the ReLU first it would run the pool on uint8 in NCHW layout, its slowest pooling kernel (46 % of the int8
 * {@code cnn}'s kernel time, 8× the float NCHWc pool).
 *
 * <p>A stem applies only when another convolution follows it: in a network whose only convolution reads the
 * image, keeping it float would leave nothing integer to run.
 */
final class FloatStem {
    private FloatStem() {
    }

    /**
     * The model with each stem's ReLU → MaxPool reordered to MaxPool → ReLU and an identity convolution before a
     * residual Add reading the stem (see {@link #withIdentityBeforeAdd}); unchanged if there is no stem.
     */
    static ModelProto reorder(ModelProto model) {
        GraphProto graph = model.getGraph();
        Map<String, List<NodeProto>> readers = readers(graph);
        if (stemConvolutions(graph, readers).isEmpty()) {
            return model;
        }
        Map<String, NodeProto> replacements = new HashMap<>();
        for (NodeProto conv : stemConvolutions(graph, readers)) {
            NodeProto relu = onlyReader(readers, conv.getOutput(0), "Relu");
            NodeProto pool = relu == null ? null : onlyReader(readers, relu.getOutput(0), "MaxPool");
            if (pool != null) {
                String pooled = pool.getOutput(0) + ".before_relu";
                // the ReLU takes over the pool's output name, so readers and calibration see the same tensor as before
                replacements.put(relu.getName(), pool.toBuilder().setInput(0, conv.getOutput(0)).setOutput(0, pooled).build());
                replacements.put(pool.getName(), relu.toBuilder().setInput(0, pooled).setOutput(0, pool.getOutput(0)).build());
            }
        }
        GraphProto.Builder g = graph.toBuilder().clearNode();
        graph.getNodeList().forEach(n -> g.addNode(replacements.getOrDefault(n.getName(), n)));
        return model.toBuilder().setGraph(withIdentityBeforeAdd(g.build())).build();
    }

    /**
     * The graph with a 1×1 identity convolution between the stem's last tensor and every Add reading it (a residual
     * shortcut). ONNX Runtime runs integer convolutions in NHWC and the float stem ends in NCHW; an Add reading the
     * stem directly stays NCHW, and so does the max pool after it — on uint8 its slowest kernel (19 % of {@code resnet}'s
     * int8 kernel time at batch 256). Through the identity convolution both Add inputs come from NHWC kernels and
     * the Add and pool follow. The convolution is exact in int8: weight 1 (quantised 127 · 1/127) and zero bias, and
     * its output, with the same values as its input, is calibrated to the same parameters.
     */
    private static GraphProto withIdentityBeforeAdd(GraphProto graph) {
        Map<String, List<NodeProto>> readers = readers(graph);
        Map<String, Long> channels = new HashMap<>();
        for (NodeProto conv : stemConvolutions(graph, readers)) {
            long width = graph.getInitializerList().stream().filter(t -> t.getName().equals(conv.getInput(1)))
                    .findFirst().orElseThrow().getDims(0);
            channels.put(stemEnd(readers, conv), width);
        }
        GraphProto.Builder g = graph.toBuilder().clearNode();
        for (NodeProto n : graph.getNodeList()) {
            NodeProto.Builder b = n.toBuilder();
            for (int i = 0; i < n.getInputCount() && n.getOpType().equals("Add"); i++) {
                Long c = channels.get(n.getInput(i));
                if (c != null) {
                    String identity = n.getInput(i) + ".identity_for_" + n.getName();
                    g.addInitializer(identityWeights(identity + ".weight", c.intValue()));
                    g.addNode(NodeProto.newBuilder().setOpType("Conv").setName(identity)
                            .addInput(n.getInput(i)).addInput(identity + ".weight").addOutput(identity));
                    b.setInput(i, identity);
                }
            }
            g.addNode(b);
        }
        return g.build();
    }

    private static TensorProto identityWeights(String name, int channels) {
        ByteBuffer raw = ByteBuffer.allocate(channels * channels * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            raw.putFloat((c * channels + c) * Float.BYTES, 1f);
        }
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(channels).addDims(channels).addDims(1).addDims(1).setRawData(ByteString.copyFrom(raw.array())).build();
    }

    /** The first tensor after {@code conv} that a convolution reads. */
    private static String stemEnd(Map<String, List<NodeProto>> readers, NodeProto conv) {
        String t = conv.getOutput(0);
        while (!readByConvolution(readers, t)) {
            t = readers.get(t).getFirst().getOutput(0);
        }
        return t;
    }

    /**
     * The tensors that stay float at the start of the graph: the image and every stem tensor before the first one
     * another convolution reads; empty if the graph has no stem.
     */
    static Set<String> floatTensors(GraphProto graph) {
        Map<String, List<NodeProto>> readers = readers(graph);
        Set<String> tensors = new LinkedHashSet<>();
        List<NodeProto> stems = stemConvolutions(graph, readers);
        if (stems.isEmpty()) {
            return tensors;
        }
        graph.getInputList().stream().map(ValueInfoProto::getName).forEach(tensors::add);
        for (NodeProto conv : stems) {
            String end = stemEnd(readers, conv);
            for (String t = conv.getOutput(0); !t.equals(end); t = readers.get(t).getFirst().getOutput(0)) {
                tensors.add(t);
            }
        }
        return tensors;
    }

    /** The convolutions reading the image, if it is read by convolutions only and each leads to another one. */
    private static List<NodeProto> stemConvolutions(GraphProto graph, Map<String, List<NodeProto>> readers) {
        List<NodeProto> stems = new ArrayList<>();
        for (ValueInfoProto input : graph.getInputList()) {
            List<NodeProto> r = readers.getOrDefault(input.getName(), List.of());
            if (r.isEmpty() || !r.stream().allMatch(n -> n.getOpType().equals("Conv"))) {
                return List.of();
            }
            for (NodeProto conv : r) {
                if (!leadsToConvolution(readers, conv.getOutput(0))) {
                    return List.of();
                }
                stems.add(conv);
            }
        }
        return stems;
    }

    /** Whether a chain of single ReLU / MaxPool readers from {@code t} ends at a tensor a convolution reads. */
    private static boolean leadsToConvolution(Map<String, List<NodeProto>> readers, String t) {
        while (!readByConvolution(readers, t)) {
            List<NodeProto> r = readers.getOrDefault(t, List.of());
            if (r.size() != 1 || !Set.of("Relu", "MaxPool").contains(r.getFirst().getOpType())) {
                return false;
            }
            t = r.getFirst().getOutput(0);
        }
        return true;
    }

    private static boolean readByConvolution(Map<String, List<NodeProto>> readers, String t) {
        return readers.getOrDefault(t, List.of()).stream().anyMatch(n -> n.getOpType().equals("Conv"));
    }

    private static NodeProto onlyReader(Map<String, List<NodeProto>> readers, String t, String opType) {
        List<NodeProto> r = readers.getOrDefault(t, List.of());
        return r.size() == 1 && r.getFirst().getOpType().equals(opType) ? r.getFirst() : null;
    }

    private static Map<String, List<NodeProto>> readers(GraphProto graph) {
        Map<String, List<NodeProto>> readers = new HashMap<>();
        graph.getNodeList().forEach(n -> n.getInputList().forEach(i -> readers.computeIfAbsent(i, k -> new ArrayList<>()).add(n)));
        return readers;
    }
}
