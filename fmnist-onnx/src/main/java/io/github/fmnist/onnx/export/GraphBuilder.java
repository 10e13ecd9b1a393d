package io.github.fmnist.onnx.export;

import com.google.protobuf.ByteString;
import io.github.fmnist.onnx.proto.OnnxIr.AttributeProto;
import io.github.fmnist.onnx.proto.OnnxIr.GraphProto;
import io.github.fmnist.onnx.proto.OnnxIr.NodeProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorShapeProto;
import io.github.fmnist.onnx.proto.OnnxIr.TypeProto;
import io.github.fmnist.onnx.proto.OnnxIr.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Accumulates ONNX nodes and initializers, keeping every tensor name unique. */
final class GraphBuilder {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final Set<String> nodeNames = new HashSet<>();

    GraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    /** Reserves {@code preferred}, or {@code preferred_2}, {@code preferred_3}, ... if it is taken. */
    String reserve(String preferred) {
        return unique(names, preferred);
    }

    private static String unique(Set<String> taken, String preferred) {
        String name = preferred;
        for (int i = 2; !taken.add(name); i++) {
            name = preferred + "_" + i;
        }
        return name;
    }

    /** Adds a float constant tensor and returns its name. */
    String initializer(String preferred, float[] values, long... dims) {
        String name = reserve(preferred);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** Adds an int64 constant tensor (indices, axes) and returns its name. */
    String int64Initializer(String preferred, long[] values, long... dims) {
        String name = reserve(preferred);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** Adds a node reading {@code inputs} and writing the already reserved tensor {@code output}. */
    void node(String opType, String nodeName, List<String> inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder()
                .setOpType(opType)
                .setName(unique(nodeNames, nodeName))
                .addAllInput(inputs)
                .addOutput(output);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
    }

    void input(String name, String batchParam, long... dims) {
        graph.addInput(floatValue(name, batchParam, dims));
    }

    void output(String name, String batchParam, long... dims) {
        graph.addOutput(floatValue(name, batchParam, dims));
    }

    GraphProto build() {
        return graph.build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    /** A float tensor type whose first dimension is the symbolic {@code batchParam}. */
    private static ValueInfoProto floatValue(String name, String batchParam, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batchParam));
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))
                .build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
