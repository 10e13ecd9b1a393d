package io.github.fmnist.onnx.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.Image;
import io.github.fmnist.onnx.export.OnnxExporter;
import java.util.Arrays;
import java.util.Map;

/**
 * The input and output contract every model an {@link OnnxClassifier} runs must meet: one float input
 * {@code image} of shape {@code [N, 1, 28, 28]} with a free batch dimension, and a float output
 * {@code probabilities} of shape {@code [N, 10]}. Free ({@code -1}) spatial dimensions are accepted.
 */
final class ModelContract {
    private static final long[] INPUT_SHAPE = {-1, 1, Image.SIDE, Image.SIDE};
    private static final long[] OUTPUT_SHAPE = {-1, FashionClass.COUNT};

    private ModelContract() {
    }

    static void check(OrtSession session, String source) {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (inputs.size() != 1 || !inputs.containsKey(OnnxExporter.INPUT)) {
                throw incompatible(source, "expected exactly one input '" + OnnxExporter.INPUT + "', found " + inputs.keySet());
            }
            requireShape(source, "input", inputs.get(OnnxExporter.INPUT), INPUT_SHAPE);
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            NodeInfo probabilities = outputs.get(OnnxExporter.PROBABILITIES);
            if (probabilities == null) {
                throw incompatible(source, "expected an output '" + OnnxExporter.PROBABILITIES + "', found " + outputs.keySet());
            }
            requireShape(source, "output", probabilities, OUTPUT_SHAPE);
        } catch (OrtException e) {
            throw new IncompatibleModelException(source + ": cannot read the model's inputs and outputs: " + e.getMessage(), e);
        }
    }

    private static void requireShape(String source, String role, NodeInfo node, long[] expected) {
        if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw incompatible(source, role + " '" + node.getName() + "' must be a float tensor, found " + node.getInfo());
        }
        long[] shape = tensor.getShape();
        boolean matches = shape.length == expected.length && shape[0] < 0;
        for (int i = 1; matches && i < shape.length; i++) {
            matches = shape[i] < 0 || shape[i] == expected[i];
        }
        if (!matches) {
            throw incompatible(source, role + " '" + node.getName() + "' must have shape " + describe(expected)
                    + " with a free batch dimension, found " + describe(shape));
        }
    }

    /** {@code [N, 1, 28, 28]}; free dimensions other than the first print as {@code ?}. */
    private static String describe(long[] shape) {
        String[] dims = new String[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i] >= 0 ? Long.toString(shape[i]) : i == 0 ? "N" : "?";
        }
        return Arrays.toString(dims);
    }

    private static IncompatibleModelException incompatible(String source, String problem) {
        return new IncompatibleModelException(source + ": not an fmnist-compatible ONNX model: " + problem);
    }
}
