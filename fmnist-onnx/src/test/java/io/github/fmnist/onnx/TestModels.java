package io.github.fmnist.onnx;

import io.github.fmnist.onnx.proto.OnnxIr.GraphProto;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.NodeProto;
import io.github.fmnist.onnx.proto.OnnxIr.OperatorSetIdProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorShapeProto;
import io.github.fmnist.onnx.proto.OnnxIr.TypeProto;
import io.github.fmnist.onnx.proto.OnnxIr.ValueInfoProto;

/** Hand-written ONNX models that break the fmnist contract in one way each. */
public final class TestModels {
    private TestModels() {
    }

    /** A one-node model {@code output = op(input)} with the given names and shapes (-1 = symbolic "N"). */
    public static byte[] singleOp(String op, String input, long[] inputShape, String output, long[] outputShape) {
        GraphProto graph = GraphProto.newBuilder()
                .setName("odd")
                .addNode(NodeProto.newBuilder().setOpType(op).setName("only").addInput(input).addOutput(output))
                .addInput(value(input, inputShape))
                .addOutput(value(output, outputShape))
                .build();
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static ValueInfoProto value(String name, long[] shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : shape) {
            s.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N") : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(1).setShape(s)))
                .build();
    }
}
