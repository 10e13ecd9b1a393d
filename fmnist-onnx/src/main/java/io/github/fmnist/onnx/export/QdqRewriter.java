package io.github.fmnist.onnx.export;

import static io.github.fmnist.onnx.export.GraphBuilder.integer;

import com.google.protobuf.ByteString;
import io.github.fmnist.onnx.proto.OnnxIr.GraphProto;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.NodeProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a float fmnist graph into QDQ form: a QuantizeLinear/DequantizeLinear pair (uint8, per tensor) after
 * every activation an integer kernel of ONNX Runtime can consume or produce, and the weights of Conv and Gemm stored as signed int8
 * per output channel (symmetric, zero point 0, 7-bit range: see {@link #WEIGHT_Q_MAX}) behind a DequantizeLinear, their biases as int32 with scale
 * {@code input scale × weight scale}. ONNX Runtime fuses DQ → Conv/Gemm/Add → Q into QLinearConv, QGemm and
 * QLinearAdd, a ReLU before a Q with zero point 0 into the Q, and runs MaxPool and Flatten on int8 when
 * their input and output parameters agree. Everything else (BatchNorm after a ReLU, Tanh, Sigmoid,
 * Standardize's Sub and Div, the Softmax) stays float between a DQ and a Q. The head — the logits' dense
 * layer with any flatten or global average pool right before it — stays float too (see {@link #floatHead}), and so
 * does the stem, the convolution reading the one-channel image (see {@link FloatStem}).
 */
final class QdqRewriter {
    /**
     * Largest stored weight magnitude. Seven bits, not eight: on x86 CPUs without VNNI, ONNX Runtime's U8S8 kernels
     * add pairs of u8 × s8 products in a saturating 16-bit lane ({@code vpmaddubsw}), and 255 · 127 · 2 exceeds
     * 32,767; with |q| ≤ 63 a pair stays below it (255 · 63 · 2 = 32,130), so the integer accumulation is exact on
     * every CPU and the model computes the same logits everywhere. On a CPU without VNNI, 8-bit weights put a
     * synthetic network's logits outside their derived error bound ({@code Int8BoundTest}).
     */
    static final int WEIGHT_Q_MAX = 63;

    /** Ops with an int8 kernel that reads quantised inputs and writes a quantised output. */
    private static final Set<String> COMPUTE = Set.of("Conv", "Gemm", "Add", "AveragePool", "GlobalAveragePool");
    /** Ops that pass int8 values through unchanged when input and output share their parameters. */
    private static final Set<String> PASS_THROUGH = Set.of("MaxPool", "Flatten");
    /** Ops whose following ReLU ONNX Runtime folds into the output QuantizeLinear. */
    private static final Set<String> RELU_FUSING = Set.of("Conv", "Gemm", "Add");
    /** Cheap ops between the last feature map and the logits' dense layer, kept float with it. */
    private static final Set<String> HEAD_OPS = Set.of("Flatten", "GlobalAveragePool");

    private final GraphProto graph;
    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Set<String> quantised;

    private QdqRewriter(GraphProto graph, String logits) {
        this.graph = graph;
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        for (NodeProto n : graph.getNodeList()) {
            n.getOutputList().forEach(o -> producers.put(o, n));
            n.getInputList().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        this.quantised = chooseQuantised(logits);
    }

    /** The plan for a float graph whose logits (kept float) are {@code logits}. */
    static QdqRewriter of(GraphProto graph, String logits) {
        return new QdqRewriter(graph, logits);
    }

    /** Activations that get a Q/DQ pair, in graph order. */
    Set<String> quantisedTensors() {
        return quantised;
    }

    /**
     * Activations whose range must be measured: the quantised ones except the image (whose range [0, 1] is
     * the model's contract) and the outputs of pass-through ops (which take their input's parameters).
     */
    List<String> tensorsToCalibrate(String image) {
        return quantised.stream().filter(t -> !t.equals(image) && !isPassThroughOutput(t)).toList();
    }

    private boolean isPassThroughOutput(String t) {
        NodeProto p = producers.get(t);
        return p != null && PASS_THROUGH.contains(p.getOpType()) && quantised.contains(p.getInput(0));
    }

    private Set<String> chooseQuantised(String logits) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> activations = new ArrayList<>(graph.getInputList().stream().map(v -> v.getName()).toList());
        graph.getNodeList().forEach(n -> activations.addAll(n.getOutputList()));
        for (String t : activations) {
            if (readBy(t, COMPUTE) || producedBy(t, COMPUTE) || isReluAfterFusing(t)) {
                chosen.add(t);
            }
        }
        boolean grew = true;
        while (grew) { // a pass-through op's input is quantised when its output is
            grew = false;
            for (String t : activations) {
                if (!chosen.contains(t) && consumers.getOrDefault(t, List.of()).stream()
                        .anyMatch(c -> (PASS_THROUGH.contains(c.getOpType()) || c.getOpType().equals("Relu"))
                                && chosen.contains(c.getOutput(0)))) {
                    chosen.add(t);
                    grew = true;
                }
            }
        }
        chosen.removeIf(t -> t.equals(logits) || isFusedIntoRelu(t) || isGraphOutput(t));
        chosen.removeAll(floatHead(logits));
        chosen.removeAll(FloatStem.floatTensors(graph));
        Set<String> ordered = new LinkedHashSet<>();
        activations.stream().filter(chosen::contains).forEach(ordered::add);
        return ordered;
    }

    /**
     * The flatten or global average pool (or both) between the last feature map and the dense layer producing
     * the logits, with the dense layer's input: they stay float. Their 8-bit rounding would reach the logits
     * undiluted, and at ≤ 128 features per image they cost next to nothing in float. A dense layer fed straight
     * by a ReLU (the cnn's) keeps its quantised input: ONNX Runtime would not fuse the Gemm → ReLU before it then.
     */
    private Set<String> floatHead(String logits) {
        Set<String> head = new LinkedHashSet<>();
        NodeProto last = producers.get(logits);
        if (last == null || !last.getOpType().equals("Gemm")) {
            return head;
        }
        String t = last.getInput(0);
        for (NodeProto p = producers.get(t); p != null && HEAD_OPS.contains(p.getOpType()); p = producers.get(t)) {
            head.add(t);
            t = p.getInput(0);
        }
        return head;
    }

    private boolean readBy(String t, Set<String> ops) {
        return consumers.getOrDefault(t, List.of()).stream().anyMatch(c -> ops.contains(c.getOpType()));
    }

    private boolean producedBy(String t, Set<String> ops) {
        NodeProto p = producers.get(t);
        return p != null && ops.contains(p.getOpType());
    }

    private boolean isReluAfterFusing(String t) {
        NodeProto p = producers.get(t);
        return p != null && p.getOpType().equals("Relu") && isFusedIntoRelu(p.getInput(0));
    }

    /** A Conv/Gemm/Add output read only by a ReLU: the ReLU's output is quantised instead. */
    private boolean isFusedIntoRelu(String t) {
        List<NodeProto> readers = consumers.getOrDefault(t, List.of());
        return producedBy(t, RELU_FUSING) && readers.size() == 1 && readers.getFirst().getOpType().equals("Relu");
    }

    private boolean isGraphOutput(String t) {
        return graph.getOutputList().stream().anyMatch(v -> v.getName().equals(t));
    }

    /**
     * The QDQ model.
     *
     * @param ranges the parameters of every tensor in {@link #tensorsToCalibrate}, plus the image's
     */
    ModelProto rewrite(ModelProto model, Map<String, QuantizationParameters> ranges) {
        Map<String, QuantizationParameters> params = new LinkedHashMap<>(ranges);
        for (String t : quantised) { // pass-through outputs inherit, in graph order
            if (!params.containsKey(t) && isPassThroughOutput(t)) {
                params.put(t, params.get(producers.get(t).getInput(0)));
            }
        }
        Emitter out = new Emitter();
        Set<String> replaced = new LinkedHashSet<>();
        for (String input : graph.getInputList().stream().map(v -> v.getName()).toList()) {
            if (quantised.contains(input)) {
                out.quantiseActivation(input, params.get(input));
            }
        }
        for (NodeProto node : graph.getNodeList()) {
            NodeProto.Builder b = node.toBuilder();
            for (int i = 0; i < node.getInputCount(); i++) {
                if (quantised.contains(node.getInput(i))) {
                    b.setInput(i, Emitter.dequantisedName(node.getInput(i)));
                }
            }
            if ((node.getOpType().equals("Conv") || node.getOpType().equals("Gemm")) && quantised.contains(node.getInput(0))) {
                QuantizationParameters x = params.get(node.getInput(0));
                boolean gemm = node.getOpType().equals("Gemm");
                TensorProto w = initializers.get(node.getInput(1));
                int axis = gemm ? 1 : 0;
                float[] wScales = out.quantiseWeight(w, axis);
                b.setInput(1, Emitter.dequantisedName(w.getName()));
                replaced.add(w.getName());
                if (node.getInputCount() > 2) {
                    TensorProto bias = initializers.get(node.getInput(2));
                    out.quantiseBias(bias, x.scale(), wScales);
                    b.setInput(2, Emitter.dequantisedName(bias.getName()));
                    replaced.add(bias.getName());
                }
            }
            out.node(b.build());
            for (String o : node.getOutputList()) {
                if (quantised.contains(o)) {
                    out.quantiseActivation(o, params.get(o));
                }
            }
        }
        GraphProto.Builder g = graph.toBuilder().clearNode().clearInitializer();
        graph.getInitializerList().stream().filter(t -> !replaced.contains(t.getName())).forEach(g::addInitializer);
        out.initializers().forEach(g::addInitializer);
        g.addAllNode(out.nodes());
        return model.toBuilder().setGraph(g).build();
    }

    /** Writes the Q/DQ nodes and integer initializers. */
    private static final class Emitter {
        private final List<NodeProto> nodes = new ArrayList<>();
        private final List<TensorProto> initializers = new ArrayList<>();

        static String dequantisedName(String t) {
            return t + ".dq";
        }

        List<NodeProto> nodes() {
            return nodes;
        }

        List<TensorProto> initializers() {
            return initializers;
        }

        void node(NodeProto n) {
            nodes.add(n);
        }

        void quantiseActivation(String t, QuantizationParameters p) {
            String scale = scalarFloat(t + ".scale", p.scale());
            initializers.add(tensor(t + ".zero_point", TensorProto.DataType.UINT8_VALUE, new byte[] {(byte) p.zeroPoint()}));
            String zero = t + ".zero_point";
            nodes.add(NodeProto.newBuilder().setOpType("QuantizeLinear").setName(t + ".quantize")
                    .addInput(t).addInput(scale).addInput(zero).addOutput(t + ".q").build());
            nodes.add(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(t + ".dequantize")
                    .addInput(t + ".q").addInput(scale).addInput(zero).addOutput(dequantisedName(t)).build());
        }

        /** Symmetric int8 per slice along {@code axis}; returns the scales. */
        float[] quantiseWeight(TensorProto w, int axis) {
            float[] values = floats(w);
            long[] dims = w.getDimsList().stream().mapToLong(Long::longValue).toArray();
            int channels = (int) dims[axis];
            Function<Integer, Integer> channelOf = axis == 0
                    ? i -> i / (values.length / channels)
                    : i -> i % channels; // [K, N] row-major, per column
            float[] maxAbs = new float[channels];
            for (int i = 0; i < values.length; i++) {
                int c = channelOf.apply(i);
                maxAbs[c] = Math.max(maxAbs[c], Math.abs(values[i]));
            }
            float[] scales = new float[channels];
            for (int c = 0; c < channels; c++) {
                // an all-zero channel quantises to zeros whatever its scale; 1 keeps its bias representable
                scales[c] = maxAbs[c] > 0 ? maxAbs[c] / WEIGHT_Q_MAX : 1f;
            }
            byte[] q = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                q[i] = (byte) Math.clamp(Math.round(values[i] / scales[channelOf.apply(i)]), -WEIGHT_Q_MAX, WEIGHT_Q_MAX);
            }
            String name = w.getName();
            initializers.add(tensor(name + ".int8", TensorProto.DataType.INT8_VALUE, q, dims));
            String scale = floatVector(name + ".scale", scales);
            String zero = int8Tensor(name + ".zero_point", new byte[channels], channels);
            nodes.add(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(name + ".dequantize")
                    .addInput(name + ".int8").addInput(scale).addInput(zero).addOutput(dequantisedName(name))
                    .addAttribute(integer("axis", axis)).build());
            return scales;
        }

        void quantiseBias(TensorProto bias, float inputScale, float[] weightScales) {
            float[] values = floats(bias);
            float[] scales = new float[values.length];
            ByteBuffer q = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < values.length; c++) {
                scales[c] = inputScale * weightScales[c];
                q.putInt((int) Math.clamp(Math.round((double) values[c] / scales[c]), Integer.MIN_VALUE, Integer.MAX_VALUE));
            }
            String name = bias.getName();
            initializers.add(tensor(name + ".int32", TensorProto.DataType.INT32_VALUE, q.array(), values.length));
            String scale = floatVector(name + ".scale", scales);
            ByteBuffer zeros = ByteBuffer.allocate(values.length * Integer.BYTES);
            initializers.add(tensor(name + ".zero_point", TensorProto.DataType.INT32_VALUE, zeros.array(), values.length));
            nodes.add(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(name + ".dequantize")
                    .addInput(name + ".int32").addInput(scale).addInput(name + ".zero_point")
                    .addOutput(dequantisedName(name)).addAttribute(integer("axis", 0)).build());
        }

        private String scalarFloat(String name, float value) {
            ByteBuffer raw = ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(value);
            initializers.add(tensor(name, TensorProto.DataType.FLOAT_VALUE, raw.array()));
            return name;
        }

        private String floatVector(String name, float[] values) {
            ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            raw.asFloatBuffer().put(values);
            initializers.add(tensor(name, TensorProto.DataType.FLOAT_VALUE, raw.array(), values.length));
            return name;
        }

        private String int8Tensor(String name, byte[] values, long... dims) {
            initializers.add(tensor(name, TensorProto.DataType.INT8_VALUE, values, dims));
            return name;
        }

        private static TensorProto tensor(String name, int type, byte[] raw, long... dims) {
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type).setRawData(ByteString.copyFrom(raw));
            for (long d : dims) {
                t.addDims(d);
            }
            return t.build();
        }

        static float[] floats(TensorProto t) {
            float[] v = new float[t.getRawData().size() / Float.BYTES];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        }
    }
}
