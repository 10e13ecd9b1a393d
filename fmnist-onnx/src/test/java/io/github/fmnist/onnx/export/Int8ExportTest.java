package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.Layer.ActivationFunction;
import io.github.fmnist.api.network.Layer.Padding;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.onnx.TestNetworks;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.NodeProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Int8ExportTest {
    private static final long SEED = 5;

    /** conv + BN + ReLU, max pool, residual block, GAP, dense. */
    private static NetworkDescription residual() {
        return TestNetworks.residualCnn(41);
    }

    /** The seed's cnn shape, scaled down: conv ReLU, pool, conv ReLU, flatten, dense ReLU, dense. */
    static NetworkDescription smallCnn(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("small-cnn", List.of(
                NetworkNode.of("conv1", TestNetworks.conv(r, 1, 8, 3, 3, 1, 1, Padding.NONE), NetworkDescription.INPUT),
                NetworkNode.of("relu1", new Layer.Activation(ActivationFunction.RELU), "conv1"),
                NetworkNode.of("pool1", new Layer.MaxPool(2, 2, 2, 2, Padding.NONE), "relu1"),
                NetworkNode.of("conv2", TestNetworks.conv(r, 8, 16, 3, 3, 1, 1, Padding.NONE), "pool1"),
                NetworkNode.of("relu2", new Layer.Activation(ActivationFunction.RELU), "conv2"),
                NetworkNode.of("flatten", new Layer.Flatten(), "relu2"),
                NetworkNode.of("hidden", TestNetworks.dense(r, 16 * 11 * 11, 32), "flatten"),
                NetworkNode.of("relu3", new Layer.Activation(ActivationFunction.RELU), "hidden"),
                NetworkNode.of("dense", TestNetworks.dense(r, 32, 10), "relu3")), "dense");
    }

    /** The resnet block shape: conv ReLU, BatchNorm (after the ReLU: not foldable), conv, BatchNorm, add, ReLU. */
    static NetworkDescription resnetBlock(long seed) {
        Random r = new Random(seed);
        return new NetworkDescription("resnet-block", List.of(
                NetworkNode.of("stem", TestNetworks.conv(r, 1, 6, 3, 3, 1, 1, Padding.NONE), NetworkDescription.INPUT),
                NetworkNode.of("stem.relu", new Layer.Activation(ActivationFunction.RELU), "stem"),
                NetworkNode.of("pool", new Layer.MaxPool(2, 2, 2, 2, Padding.NONE), "stem.relu"),
                NetworkNode.of("conv1", TestNetworks.conv(r, 6, 6, 3, 3, 1, 1, Padding.of(1)), "pool"),
                NetworkNode.of("relu1", new Layer.Activation(ActivationFunction.RELU), "conv1"),
                NetworkNode.of("bn1", TestNetworks.batchNormOf(r, 6), "relu1"),
                NetworkNode.of("conv2", TestNetworks.conv(r, 6, 6, 3, 3, 1, 1, Padding.of(1)), "bn1"),
                NetworkNode.of("bn2", TestNetworks.batchNormOf(r, 6), "conv2"),
                new NetworkNode("add", new Layer.Add(), List.of("bn2", "pool")),
                NetworkNode.of("relu2", new Layer.Activation(ActivationFunction.RELU), "add"),
                NetworkNode.of("gap", new Layer.GlobalAveragePool(), "relu2"),
                NetworkNode.of("dense", TestNetworks.dense(r, 6, 10), "gap")), "dense");
    }

    static ImageBatch randomBatch(int n, long seed) {
        byte[] pixels = new byte[n * Image.PIXELS];
        new Random(seed).nextBytes(pixels);
        return ImageBatch.ofPixels(pixels);
    }

    static ExportOptions int8(ImageBatch images) {
        return ExportOptions.int8(new Int8Calibration(images, CalibrationMethod.MIN_MAX, SEED));
    }

    @Test
    void onnxRuntimeFusesTheQdqGraphIntoIntegerKernels(@TempDir Path dir) throws Exception {
        ImageBatch calibration = randomBatch(50, 1);
        Set<String> residualOps = optimisedOps(OnnxExporter.toBytes(residual(), Map.of(), int8(calibration)), dir.resolve("r.onnx"));
        Set<String> cnnOps = optimisedOps(OnnxExporter.toBytes(smallCnn(2), Map.of(), int8(calibration)), dir.resolve("c.onnx"));
        Set<String> blockOps = optimisedOps(OnnxExporter.toBytes(resnetBlock(3), Map.of(), int8(calibration)), dir.resolve("b.onnx"));

        assertTrue(residualOps.containsAll(Set.of("QLinearConv", "QLinearAdd", "QLinearAveragePool")), residualOps.toString());
        assertTrue(cnnOps.containsAll(Set.of("QLinearConv", "QGemm")), cnnOps.toString());
        assertTrue(blockOps.containsAll(Set.of("QLinearConv", "QLinearAdd")), blockOps.toString());
        for (Set<String> ops : List.of(residualOps, cnnOps, blockOps)) {
            assertFalse(ops.contains("Add") || ops.contains("BatchNormalization"), "a float Add or BatchNormalization survived: " + ops);
        }
        for (NetworkDescription network : List.of(residual(), smallCnn(2), resnetBlock(3))) {
            List<String> ops = optimisedOpList(OnnxExporter.toBytes(network, Map.of(), int8(calibration)), dir.resolve("s.onnx"));
            assertEquals(1, ops.stream().filter(o -> o.equals("Conv") || o.equals("FusedConv")).count(),
                    network.name() + ": only the stem convolution may stay float: " + ops);
        }
    }

    @Test
    void theStemStaysFloatAndItsPoolRunsBeforeQuantisation(@TempDir Path dir) throws Exception {
        List<String> ops = optimisedOpList(OnnxExporter.toBytes(smallCnn(9), Map.of(), int8(randomBatch(50, 1))),
                dir.resolve("c.onnx"));
        // a float pool before the first QuantizeLinear, not a uint8 one after it (ONNX Runtime's slow NCHW kernel)
        int quantise = ops.indexOf("QuantizeLinear");
        assertTrue(ops.subList(0, quantise).contains("MaxPool"), ops.toString());
        assertTrue(ops.subList(0, quantise).stream().anyMatch(o -> o.equals("Conv") || o.equals("FusedConv")), ops.toString());
        assertEquals(1, ops.stream().filter("QuantizeLinear"::equals).count(), ops.toString());
    }

    @Test
    void aSingleConvolutionNetworkKeepsItsConvolutionQuantised(@TempDir Path dir) throws Exception {
        Set<String> ops = optimisedOps(OnnxExporter.toBytes(QuantisationErrorBound.network(3), Map.of(),
                int8(randomBatch(50, 1))), dir.resolve("q.onnx"));
        assertTrue(ops.contains("QLinearConv"), ops.toString());
    }

    @Test
    void theStemRewriteKeepsTheOutputs() throws Exception {
        ImageBatch images = randomBatch(20, 14);
        for (NetworkDescription network : List.of(smallCnn(10), resnetBlock(11))) {
            ModelProto rewritten = FloatStem.reorder(OnnxExporter.toModel(network, Map.of(), ExportOptions.float32()));
            List<String> ops = rewritten.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
            assertEquals(List.of("Conv", "MaxPool", "Relu"), ops.subList(0, 3), network.name() + ": " + ops);
            OnnxExporterTest.assertClose(io.github.fmnist.testkit.ReferenceNetwork.of(network).logits(images.toNormalizedNchw()),
                    OnnxExporterTest.run(rewritten.toByteArray(), images.toNormalizedNchw()).get("logits"), network.name());
        }
    }

    @Test
    void aResidualAddReadingTheStemRunsInNhwc(@TempDir Path dir) throws Exception {
        List<String> ops = optimisedOpList(OnnxExporter.toBytes(resnetBlock(12), Map.of(), int8(randomBatch(50, 1))),
                dir.resolve("b.onnx"), OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // one Transpose into ONNX Runtime's NHWC integer kernels and one out of them: none on either side of the Add
        assertEquals(2, ops.stream().filter("Transpose"::equals).count(), ops.toString());
        int add = ops.indexOf("QLinearAdd");
        assertTrue(add > 0 && ops.get(add - 1).equals("QLinearConv") && ops.get(add + 1).equals("Transpose"), ops.toString());
    }

    @Test
    void onlyTheHeadAfterTheLastFeatureMapStaysFloat(@TempDir Path dir) throws Exception {
        List<String> ops = optimisedOpList(OnnxExporter.toBytes(resnetBlock(4), Map.of(), int8(randomBatch(50, 1))),
                dir.resolve("b.onnx"));
        int dequantise = ops.indexOf("DequantizeLinear");
        assertEquals(List.of("DequantizeLinear", "GlobalAveragePool", "Flatten", "Gemm", "Identity", "Softmax"),
                ops.subList(dequantise, ops.size()), ops.toString());
        assertEquals(1, ops.stream().filter("DequantizeLinear"::equals).count(), ops.toString());
    }

    @Test
    void aNetworkWithNothingToCalibrateStillExports() throws Exception {
        Random r = new Random(12);
        NetworkDescription linear = new NetworkDescription("linear", List.of(
                NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("dense", TestNetworks.dense(r, Image.PIXELS, 10), "flatten")), "dense");
        ImageBatch images = randomBatch(20, 13);
        float[][] int8 = OnnxExporterTest.run(OnnxExporter.toBytes(linear, Map.of(), int8(images)), images.toNormalizedNchw())
                .get("logits");
        OnnxExporterTest.assertClose(io.github.fmnist.testkit.ReferenceNetwork.of(linear).logits(images.toNormalizedNchw()),
                int8, "float head on exactly quantised pixels");
    }

    @Test
    void storedWeightsUseSevenBitsSoNoPairOfProductsSaturatesSixteenBits() throws Exception {
        ModelProto model = ModelProto.parseFrom(OnnxExporter.toBytes(smallCnn(3), Map.of(), int8(randomBatch(30, 4))));
        Set<String> checked = new TreeSet<>();
        for (var init : model.getGraph().getInitializerList()) {
            if (init.getDataType() != io.github.fmnist.onnx.proto.OnnxIr.TensorProto.DataType.INT8_VALUE
                    || !init.getName().endsWith(".int8")) {
                continue;
            }
            int largest = 0;
            for (byte q : init.getRawData().toByteArray()) {
                largest = Math.max(largest, Math.abs(q));
            }
            // two u8 activations times two such weights, summed in a signed 16-bit lane by AVX2's vpmaddubsw
            assertTrue(2 * 255 * largest <= Short.MAX_VALUE, init.getName() + ": |q| up to " + largest);
            assertEquals(QdqRewriter.WEIGHT_Q_MAX, largest, init.getName() + " does not use its 7-bit range");
            checked.add(init.getName());
        }
        assertTrue(checked.stream().anyMatch(n -> n.startsWith("conv2")) && checked.stream().anyMatch(n -> n.startsWith("hidden"))
                && checked.stream().noneMatch(n -> n.startsWith("conv1")), "quantised weights: " + checked);
    }

    @Test
    void metadataRecordsTheQuantisation() throws Exception {
        ModelProto model = ModelProto.parseFrom(OnnxExporter.toBytes(smallCnn(3), Map.of(),
                ExportOptions.int8(new Int8Calibration(randomBatch(30, 4), CalibrationMethod.PERCENTILE, 77))));

        assertTrue(BatchNormFoldingTest.property(model, OnnxExporter.QUANTIZATION_KEY).startsWith("int8-qdq"));
        assertEquals("percentile-99.99", BatchNormFoldingTest.property(model, OnnxExporter.QUANTIZATION_KEY + ".method"));
        assertEquals("30", BatchNormFoldingTest.property(model, OnnxExporter.QUANTIZATION_KEY + ".calibration_size"));
        assertEquals("77", BatchNormFoldingTest.property(model, OnnxExporter.QUANTIZATION_KEY + ".calibration_seed"));
    }

    @Test
    void anEnsembleDescriptionIsRefusedByNodeRatherThanMisquantised() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> OnnxExporter.toBytes(TestNetworks.softVote(8), Map.of(), int8(randomBatch(10, 3))));
        assertTrue(e.getMessage().contains("'flip' (FlipHorizontal)") && e.getMessage().contains("as float"), e.getMessage());
    }

    @Test
    void emptyCalibrationIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OnnxExporter.toBytes(smallCnn(6), Map.of(), int8(ImageBatch.empty())));
        assertTrue(e.getMessage().contains("at least one calibration image"), e.getMessage());
    }

    @Test
    void constantCalibrationImagesAreRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OnnxExporter.toBytes(smallCnn(7), Map.of(), int8(ImageBatch.ofPixels(new byte[3 * Image.PIXELS]))));
        assertTrue(e.getMessage().contains("all 2352 pixels of the 3 calibration image(s) have the value 0"), e.getMessage());
    }

    @Test
    void aConstantActivationIsRefusedByName() {
        Random r = new Random(8);
        NetworkDescription dead = new NetworkDescription("dead", List.of(
                NetworkNode.of("stem", TestNetworks.conv(r, 1, 2, 3, 3, 1, 1, Padding.NONE), NetworkDescription.INPUT),
                NetworkNode.of("conv", new Layer.Convolution(2, 2, 3, 3, 1, 1, Padding.NONE, new float[36], new float[] {-1, -2}),
                        "stem"),
                NetworkNode.of("relu", new Layer.Activation(ActivationFunction.RELU), "conv"),
                NetworkNode.of("flatten", new Layer.Flatten(), "relu"),
                NetworkNode.of("dense", TestNetworks.dense(r, 2 * 24 * 24, 10), "flatten")), "dense");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> OnnxExporter.toBytes(dead, Map.of(), int8(randomBatch(10, 9))));
        assertTrue(e.getMessage().contains("tensor 'relu'") && e.getMessage().contains("10 calibration image(s)"), e.getMessage());
    }

    /** The op types of the graph ONNX Runtime runs, as it writes it after its optimisations. */
    static Set<String> optimisedOps(byte[] model, Path optimised) throws Exception {
        return new TreeSet<>(optimisedOpList(model, optimised));
    }

    /** As {@link #optimisedOps}, one entry per node in graph order. */
    static List<String> optimisedOpList(byte[] model, Path optimised) throws Exception {
        return optimisedOpList(model, optimised, OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
    }

    /** As {@link #optimisedOpList(byte[], Path)} at {@code level} ({@code ALL_OPT} adds the NHWC and NCHWc layouts). */
    static List<String> optimisedOpList(byte[] model, Path optimised, OrtSession.SessionOptions.OptLevel level) throws Exception {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(level);
            options.setOptimizedModelFilePath(optimised.toString());
            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(model, options)) {
                // the file is written while the session is created
            }
        }
        return ModelProto.parseFrom(Files.readAllBytes(optimised)).getGraph().getNodeList().stream()
                .map(NodeProto::getOpType).toList();
    }
}
