package io.github.fmnist.api.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.Layer.Padding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedNetworkTest {

    @Test
    void infersEveryShapeOfASmallResidualNetwork() {
        CheckedNetwork checked = CheckedNetwork.of(new NetworkDescription("residual", List.of(
                NetworkNode.of("conv", conv(1, 4, 3, Padding.NONE), NetworkDescription.INPUT),
                NetworkNode.of("pool", new Layer.MaxPool(2, 2, 2, 2, Padding.NONE), "conv"),
                NetworkNode.of("same", conv(4, 4, 3, Padding.of(1)), "pool"),
                NetworkNode.of("bn", new Layer.BatchNorm(4, ones(4), new float[4], new float[4], ones(4), 1e-5), "same"),
                new NetworkNode("sum", new Layer.Add(), List.of("bn", "pool")),
                NetworkNode.of("relu", new Layer.Activation(Layer.ActivationFunction.RELU), "sum"),
                NetworkNode.of("gap", new Layer.GlobalAveragePool(), "relu"),
                NetworkNode.of("logits", dense(4, 10), "gap")), "logits"), "test");

        assertEquals(TensorShape.image(1, 28, 28), checked.shape(NetworkDescription.INPUT));
        assertEquals(TensorShape.image(4, 26, 26), checked.shape("conv"));
        assertEquals(TensorShape.image(4, 13, 13), checked.shape("pool"));
        assertEquals(TensorShape.image(4, 13, 13), checked.shape("sum"));
        assertEquals(TensorShape.image(4, 1, 1), checked.shape("gap"));
        assertEquals(TensorShape.features(10), checked.shape("logits"));
        assertEquals(List.of(TensorShape.image(4, 13, 13), TensorShape.image(4, 13, 13)),
                checked.inputShapes(checked.nodes().get(4)));
    }

    @Test
    void stridedPaddedWindowsRoundOutputSizesDown() {
        CheckedNetwork checked = CheckedNetwork.of(head("strided",
                new Layer.Convolution(1, 2, 3, 2, 2, 3, new Padding(1, 0, 0, 2), new float[12], new float[2]), 2 * 14 * 10), "test");
        // height (28 + 1 + 0 − 3) / 2 + 1 = 14; width (28 + 0 + 2 − 2) / 3 + 1 = 10
        assertEquals(TensorShape.image(2, 14, 10), checked.shape("layer"));
    }

    @Test
    void nodesTheLogitsDoNotDependOnAreLeftOutUnchecked() {
        CheckedNetwork checked = CheckedNetwork.of(new NetworkDescription("pruned", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("unused", dense(5, 3), "flat"),
                NetworkNode.of("logits", dense(Image.PIXELS, 10), "flat")), "logits"), "test");

        assertEquals(List.of("flat", "logits"), checked.nodes().stream().map(NetworkNode::name).toList());
        assertThrows(IllegalArgumentException.class, () -> checked.shape("unused"));
    }

    @Test
    void messagesNameThePurposeNetworkNodeLayerAndShapes() {
        NetworkDescription network = head("rgb", conv(3, 1, 1, Padding.NONE), Image.PIXELS);
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(network, "ONNX export")),
                "ONNX export of network 'rgb': node 'layer' (Convolution): ", "3 input channels",
                "its input 'image' has shape [N, 1, 28, 28]");
    }

    @Test
    void poolingPaddingAsLargeAsTheWindowIsUnsupported() {
        NetworkDescription network = head("odd-pool", new Layer.MaxPool(2, 2, 2, 2, new Padding(0, 0, 2, 0)), 15 * 14);
        assertMessage(assertThrows(UnsupportedFeatureException.class, () -> CheckedNetwork.of(network, "test")),
                "'layer' (MaxPool)", "pooling window");
    }

    @Test
    void negativePaddingIsUnsupported() {
        NetworkDescription network = head("crop", new Layer.AveragePool(2, 2, 1, 1, new Padding(-1, 0, 0, 0)), 26 * 27);
        assertMessage(assertThrows(UnsupportedFeatureException.class, () -> CheckedNetwork.of(network, "test")),
                "'layer' (AveragePool)", "negative padding");
    }

    @Test
    void aWindowLargerThanThePaddedInputIsInvalid() {
        NetworkDescription network = head("huge", new Layer.MaxPool(30, 2, 1, 1, Padding.NONE), 1);
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(network, "test")),
                "'layer' (MaxPool)", "window of 30 does not fit an input of 28");
    }

    @Test
    void standardisingAnImageIsUnsupported() {
        NetworkDescription network = head("std", new Layer.Standardize(new float[1], new float[] {1f}), Image.PIXELS);
        assertMessage(assertThrows(UnsupportedFeatureException.class, () -> CheckedNetwork.of(network, "test")),
                "'layer' (Standardize)", "Flatten");
    }

    @Test
    void aZeroStandardDeviationIsInvalid() {
        NetworkDescription network = new NetworkDescription("zero-std", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("std", new Layer.Standardize(new float[Image.PIXELS], new float[Image.PIXELS]), "flat"),
                NetworkNode.of("logits", dense(Image.PIXELS, 10), "std")), "logits");
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(network, "test")),
                "'std' (Standardize)", "feature 0", "std must be positive");
    }

    @Test
    void denseOnAFeatureMapIsUnsupportedButOnAOneByOneMapIsFine() {
        NetworkDescription onMap = new NetworkDescription("map-dense", List.of(
                NetworkNode.of("logits", dense(Image.PIXELS, 10), NetworkDescription.INPUT)), "logits");
        assertMessage(assertThrows(UnsupportedFeatureException.class, () -> CheckedNetwork.of(onMap, "test")),
                "'logits' (Dense)", "[N, 1, 28, 28]", "Flatten");

        NetworkDescription onPooled = new NetworkDescription("gap-dense", List.of(
                NetworkNode.of("gap", new Layer.GlobalAveragePool(), NetworkDescription.INPUT),
                NetworkNode.of("logits", dense(1, 10), "gap")), "logits");
        assertEquals(TensorShape.features(10), CheckedNetwork.of(onPooled, "test").shape("logits"));
    }

    @Test
    void batchNormMustMatchChannelsAndHaveAPositiveEpsilon() {
        NetworkDescription wrongChannels = head("bn", new Layer.BatchNorm(2, ones(2), new float[2], new float[2], ones(2), 1e-5),
                Image.PIXELS);
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(wrongChannels, "test")),
                "'layer' (BatchNorm)", "normalises 2 channels");
        NetworkDescription zeroEpsilon = head("bn", new Layer.BatchNorm(1, ones(1), new float[1], new float[1], ones(1), 0),
                Image.PIXELS);
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(zeroEpsilon, "test")),
                "'layer' (BatchNorm)", "epsilon");
    }

    @Test
    void addingUnequalShapesOrASingleInputIsInvalid() {
        NetworkDescription unequal = new NetworkDescription("add", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                new NetworkNode("sum", new Layer.Add(), List.of("flat", NetworkDescription.INPUT)),
                NetworkNode.of("logits", dense(Image.PIXELS, 10), "sum")), "logits");
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(unequal, "test")),
                "'sum' (Add)", "equal shapes");
        NetworkDescription single = head("add-one", new Layer.Add(), Image.PIXELS);
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(single, "test")),
                "'layer' (Add)", "at least two inputs");
    }

    @Test
    void aLayerOtherThanAddTakesExactlyOneInput() {
        NetworkDescription network = new NetworkDescription("two", List.of(
                new NetworkNode("flat", new Layer.Flatten(), List.of(NetworkDescription.INPUT, NetworkDescription.INPUT)),
                NetworkNode.of("logits", dense(Image.PIXELS, 10), "flat")), "logits");
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(network, "test")),
                "'flat' (Flatten)", "takes one input, found 2");
    }

    @Test
    void aFlipKeepsTheImageShapeAndAProbabilityAverageItsInputs() {
        NetworkDescription network = new NetworkDescription("vote", List.of(
                NetworkNode.of("flip", new Layer.FlipHorizontal(), NetworkDescription.INPUT),
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("flat.flip", new Layer.Flatten(), "flip"),
                NetworkNode.of("a", dense(Image.PIXELS, 10), "flat"),
                NetworkNode.of("b", dense(Image.PIXELS, 10), "flat.flip"),
                new NetworkNode("vote", new Layer.ProbabilityAverage(new float[] {2f, 1f}), List.of("a", "b"))), "vote");
        CheckedNetwork checked = CheckedNetwork.of(network, "test");
        assertEquals(TensorShape.image(1, 28, 28), checked.shape("flip"));
        assertEquals(TensorShape.features(10), checked.shape("vote"));
        assertEquals(2.0 / 3, new Layer.ProbabilityAverage(new float[] {2f, 1f}).normalizedWeights()[0], 1e-12);
    }

    @Test
    void aProbabilityAverageNeedsOneWeightPerInputAndFeatureInputsOfOneSize() {
        NetworkDescription missingWeight = new NetworkDescription("vote", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("a", dense(Image.PIXELS, 10), "flat"),
                new NetworkNode("vote", new Layer.ProbabilityAverage(new float[] {1f}), List.of("a", "a"))), "vote");
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(missingWeight, "test")),
                "'vote' (ProbabilityAverage)", "1 weights for 2 inputs");
        NetworkDescription image = new NetworkDescription("vote", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("a", dense(Image.PIXELS, 10), "flat"),
                new NetworkNode("avg", new Layer.ProbabilityAverage(new float[] {1f, 1f}), List.of("a", NetworkDescription.INPUT)),
                NetworkNode.of("logits", dense(10, 10), "avg")), "logits");
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(image, "test")),
                "'avg' (ProbabilityAverage)", "[N, features] inputs of one size");
        assertThrows(IllegalArgumentException.class, () -> new Layer.ProbabilityAverage(new float[] {1f, 0f}));
        assertThrows(IllegalArgumentException.class, () -> new Layer.ProbabilityAverage(new float[0]));
    }

    @Test
    void aFlipNeedsAnImage() {
        NetworkDescription network = new NetworkDescription("flip", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("flip", new Layer.FlipHorizontal(), "flat"),
                NetworkNode.of("logits", dense(Image.PIXELS, 10), "flip")), "logits");
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(network, "test")),
                "'flip' (FlipHorizontal)", "needs an [N, C, H, W] input");
    }

    @Test
    void logitsOtherThanTenScoresAreInvalid() {
        NetworkDescription network = new NetworkDescription("three", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("out", dense(Image.PIXELS, 3), "flat")), "out");
        assertMessage(assertThrows(InvalidInputException.class, () -> CheckedNetwork.of(network, "test")),
                "logits node 'out'", "[N, 3]", "[N, 10]");
    }

    @Test
    void tensorShapesAreValuesWithTheBatchDimensionPrinted() {
        int[] dims = {3, 4, 5};
        TensorShape shape = new TensorShape(dims);
        dims[0] = 9;
        assertEquals(TensorShape.image(3, 4, 5), shape);
        assertEquals(60, shape.size());
        assertEquals("[N, 3, 4, 5]", shape.toString());
        assertThrows(IllegalStateException.class, () -> TensorShape.features(7).height());
        assertThrows(IllegalArgumentException.class, () -> TensorShape.image(1, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new TensorShape(new int[] {1, 2}));
    }

    /** A one-layer head on the image, flattened into a dense layer of {@code size} inputs. */
    private static NetworkDescription head(String name, Layer layer, int size) {
        List<NetworkNode> nodes = new ArrayList<>();
        nodes.add(NetworkNode.of("layer", layer, NetworkDescription.INPUT));
        nodes.add(NetworkNode.of("flat", new Layer.Flatten(), "layer"));
        nodes.add(NetworkNode.of("logits", dense(size, 10), "flat"));
        return new NetworkDescription(name, nodes, "logits");
    }

    private static Layer.Convolution conv(int in, int out, int kernel, Padding padding) {
        return new Layer.Convolution(in, out, kernel, kernel, 1, 1, padding, new float[out * in * kernel * kernel], new float[out]);
    }

    private static Layer.Dense dense(int inputs, int outputs) {
        return new Layer.Dense(inputs, outputs, new float[inputs * outputs], new float[outputs]);
    }

    private static float[] ones(int n) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, 1f);
        return v;
    }

    private static void assertMessage(FmnistException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }
}
