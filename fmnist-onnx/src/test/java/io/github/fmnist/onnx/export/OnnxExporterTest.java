package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.FmnistVersion;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.Layer.Padding;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.onnx.TestNetworks;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.StringStringEntryProto;
import io.github.fmnist.onnx.proto.OnnxIr.TensorShapeProto;
import io.github.fmnist.testkit.ReferenceNetwork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OnnxExporterTest {
    private static final double TOLERANCE = 1e-5;
    private static final int IMAGES = 37;

    static Stream<NetworkDescription> networks() {
        return Stream.of(TestNetworks.residualCnn(1), TestNetworks.flattenCnn(2), TestNetworks.mlp(3),
                TestNetworks.logisticRegression(4), TestNetworks.softVote(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeMatchesTheReferenceForwardPass(NetworkDescription network) throws OrtException {
        float[] images = TestNetworks.randomImages(IMAGES, 99);
        ReferenceNetwork reference = ReferenceNetwork.of(network);
        double[][] expectedLogits = reference.logits(images);
        double[][] expectedProbabilities = reference.probabilities(images);

        Map<String, float[][]> actual = run(OnnxExporter.toBytes(network, Map.of()), images);

        assertClose(expectedLogits, actual.get(OnnxExporter.LOGITS), network.name() + " logits");
        assertClose(expectedProbabilities, actual.get(OnnxExporter.PROBABILITIES), network.name() + " probabilities");
    }

    @Test
    void modelDeclaresTheFmnistContractAndMetadata() throws Exception {
        ModelProto model = ModelProto.parseFrom(OnnxExporter.toBytes(TestNetworks.mlp(5), Map.of("custom", "value")));

        assertEquals(OnnxExporter.IR_VERSION, model.getIrVersion());
        assertEquals(17, model.getOpsetImport(0).getVersion());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(List.of("image"), model.getGraph().getInputList().stream().map(v -> v.getName()).toList());
        assertEquals(List.of("N", "1", "28", "28"), dims(model.getGraph().getInput(0).getType().getTensorType().getShape()));
        assertEquals(List.of("logits", "probabilities"), model.getGraph().getOutputList().stream().map(v -> v.getName()).toList());
        assertEquals(List.of("N", "10"), dims(model.getGraph().getOutput(1).getType().getTensorType().getShape()));
        Map<String, String> props = model.getMetadataPropsList().stream()
                .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertEquals("[\"T-shirt/top\",\"Trouser\",\"Pullover\",\"Dress\",\"Coat\",\"Sandal\",\"Shirt\",\"Sneaker\",\"Bag\",\"Ankle boot\"]",
                props.get(OnnxExporter.CLASS_NAMES_KEY));
        assertEquals(FmnistVersion.current(), props.get(OnnxExporter.VERSION_KEY));
        assertEquals("value", props.get("custom"));
        assertEquals("Softmax", model.getGraph().getNode(model.getGraph().getNodeCount() - 1).getOpType());
    }

    @Test
    void dropoutLeavesNoNodeAndUnusedNodesAreLeftOut() throws Exception {
        Random r = new Random(6);
        NetworkDescription network = new NetworkDescription("dropout", List.of(
                NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("drop", new Layer.Dropout(0.3), "flatten"),
                NetworkNode.of("unused", TestNetworks.dense(r, Image.PIXELS, 3), "flatten"),
                NetworkNode.of("dense", TestNetworks.dense(r, Image.PIXELS, 10), "drop")), "dense");
        ModelProto model = ModelProto.parseFrom(OnnxExporter.toBytes(network, Map.of()));

        List<String> ops = model.getGraph().getNodeList().stream().map(n -> n.getOpType()).toList();
        assertEquals(List.of("Flatten", "Gemm", "Identity", "Softmax"), ops);
        float[] images = TestNetworks.randomImages(3, 7);
        assertClose(ReferenceNetwork.of(network).logits(images), run(model.toByteArray(), images).get("logits"), "dropout logits");
    }

    @Test
    void exportWritesAtomicallyAndReplacesAnExistingFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("models/cnn.onnx");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content");

        OnnxExporter.export(TestNetworks.residualCnn(8), target);

        assertEquals(OnnxExporter.toBytes(TestNetworks.residualCnn(8), Map.of()).length, Files.size(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no temporary file may be left behind");
        }
    }

    @Test
    void shapesThatDoNotFitAreNamed() {
        Random r = new Random(10);
        NetworkDescription network = new NetworkDescription("mismatch", List.of(
                NetworkNode.of("conv", TestNetworks.conv(r, 3, 4, 3, 3, 1, 1, Padding.NONE), NetworkDescription.INPUT),
                NetworkNode.of("flatten", new Layer.Flatten(), "conv"),
                NetworkNode.of("dense", TestNetworks.dense(r, 4 * 26 * 26, 10), "flatten")), "dense");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> OnnxExporter.toBytes(network, Map.of()));
        assertTrue(e.getMessage().startsWith("ONNX export of network 'mismatch': node 'conv'")
                && e.getMessage().contains("3 input channels"), e.getMessage());
    }

    /** {@code layer} on the image, then flatten and a dense layer from {@code c×h×w} features. */
    private static List<String> dims(TensorShapeProto shape) {
        return shape.getDimList().stream()
                .map(d -> d.hasDimParam() ? d.getDimParam() : Long.toString(d.getDimValue())).toList();
    }

    /** Runs the model directly with ONNX Runtime, returning both outputs. */
    static Map<String, float[][]> run(byte[] model, float[] images) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int n = images.length / Image.PIXELS;
        FloatBuffer input = ByteBuffer.allocateDirect(images.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        input.put(images).flip();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {n, 1, 28, 28});
                 OrtSession.Result result = session.run(Map.of("image", tensor))) {
                return Map.of("logits", rows((OnnxTensor) result.get("logits").orElseThrow(), n),
                        "probabilities", rows((OnnxTensor) result.get("probabilities").orElseThrow(), n));
            }
        }
    }

    private static float[][] rows(OnnxTensor tensor, int n) {
        FloatBuffer b = tensor.getFloatBuffer();
        float[][] out = new float[n][FashionClass.COUNT];
        for (float[] row : out) {
            b.get(row);
        }
        return out;
    }

    static void assertClose(double[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + " rows");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + " columns");
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
        }
        assertTrue(worst <= TOLERANCE, what + ": max |difference| " + worst + " exceeds " + TOLERANCE);
    }
}
