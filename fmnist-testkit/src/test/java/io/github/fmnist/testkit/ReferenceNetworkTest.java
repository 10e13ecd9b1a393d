package io.github.fmnist.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.Layer.ActivationFunction;
import io.github.fmnist.api.network.Layer.Padding;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each layer kind on an image whose pixel at (r, c) is (28 r + c) / 1024, with the expected values worked
 * out by hand from the layer's definition. A selecting dense head (weight 1 from feature {@code picks[j]}
 * to logit {@code j}) turns chosen elements of the layer's output into logits.
 */
class ReferenceNetworkTest {
    private static final double EXACT = 1e-12;

    /** One layer kind under test: the network and the logits it must produce for {@link #image()}. */
    record Sample(NetworkDescription network, double[] expected) {
    }

    static Map<Class<?>, Sample> samples() {
        Map<Class<?>, Sample> samples = new LinkedHashMap<>();
        samples.put(Layer.Convolution.class, convolution());
        samples.put(Layer.MaxPool.class, maxPool());
        samples.put(Layer.AveragePool.class, averagePool());
        samples.put(Layer.GlobalAveragePool.class, globalAveragePool());
        samples.put(Layer.BatchNorm.class, batchNorm());
        samples.put(Layer.Add.class, add());
        samples.put(Layer.Flatten.class, flatten());
        samples.put(Layer.Dense.class, dense());
        samples.put(Layer.Activation.class, activation(ActivationFunction.TANH));
        samples.put(Layer.Dropout.class, dropout());
        samples.put(Layer.Standardize.class, standardize());
        samples.put(Layer.FlipHorizontal.class, flipHorizontal());
        samples.put(Layer.ProbabilityAverage.class, probabilityAverage());
        return samples;
    }

    @Test
    void everyLayerKindOfTheApiHasAWorkedSample() {
        Set<Class<?>> permitted = Set.of(Layer.class.getPermittedSubclasses());
        assertEquals(permitted, samples().keySet(), "the api's layer kinds and the kinds evaluated here must match");
    }

    @TestFactory
    Stream<DynamicTest> everyLayerKindComputesItsDefinition() {
        return samples().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().getSimpleName(), () -> {
            double[] logits = ReferenceNetwork.of(e.getValue().network()).logits(image())[0];
            assertArrayEquals(e.getValue().expected(), logits, EXACT, e.getKey().getSimpleName());
        }));
    }

    @ParameterizedTest
    @EnumSource(ActivationFunction.class)
    void everyActivationFunctionComputesItsDefinition(ActivationFunction function) {
        Sample sample = activation(function);
        assertArrayEquals(sample.expected(), ReferenceNetwork.of(sample.network()).logits(image())[0], EXACT);
    }

    @Test
    void denseTakesTheOutputOfAGlobalPoolAsFeatures() {
        NetworkDescription network = new NetworkDescription("gap-dense", List.of(
                NetworkNode.of("gap", new Layer.GlobalAveragePool(), NetworkDescription.INPUT),
                NetworkNode.of("pick", selector(1, 0), "gap")), "pick");
        assertEquals(391.5 / 1024, ReferenceNetwork.of(network).logits(image())[0][0], EXACT);
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogitsRowByRow() {
        ReferenceNetwork reference = ReferenceNetwork.of(dense().network());
        float[] two = new float[2 * Image.PIXELS];
        System.arraycopy(image(), 0, two, 0, Image.PIXELS);
        Arrays.fill(two, Image.PIXELS, two.length, 0.5f);
        double[][] logits = reference.logits(two);
        double[][] p = reference.probabilities(two);
        assertEquals(2, p.length);
        assertArrayEquals(logits[0], reference.logits(image())[0], 0.0, "a row does not depend on the batch");
        for (int i = 0; i < 2; i++) {
            assertEquals(1.0, Arrays.stream(p[i]).sum(), EXACT);
            for (int j = 1; j < p[i].length; j++) {
                assertEquals(Math.exp(logits[i][j] - logits[i][0]), p[i][j] / p[i][0], 1e-9, "row " + i + " class " + j);
            }
        }
    }

    @Test
    void nodesTheLogitsDoNotNeedAreNeitherCheckedNorRun() {
        NetworkDescription network = new NetworkDescription("pruned", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("unused", new Layer.Dense(5, 3, new float[15], new float[3]), "flat"),
                NetworkNode.of("pick", selector(Image.PIXELS, 40), "flat")), "pick");
        assertEquals(x(1, 12), ReferenceNetwork.of(network).logits(image())[0][0], EXACT);
    }

    @Test
    void wrongInputChannelsAreReportedNamingNodeAndShape() {
        Layer.Convolution conv = new Layer.Convolution(3, 1, 1, 1, 1, 1, Padding.NONE, new float[3], new float[1]);
        NetworkDescription network = head("rgb", conv, Image.PIXELS);
        assertMessage(assertThrows(InvalidInputException.class, () -> ReferenceNetwork.of(network)),
                "reference evaluation of network 'rgb'", "'layer'", "(Convolution)", "3 input channels", "[N, 1, 28, 28]");
    }

    @Test
    void inputThatIsNotWholeImagesIsRejected() {
        ReferenceNetwork reference = ReferenceNetwork.of(dense().network());
        assertThrows(InvalidInputException.class, () -> reference.logits(new float[Image.PIXELS + 1]));
        assertThrows(InvalidInputException.class, () -> reference.probabilities(new float[0]));
    }

    // ---- the worked samples ----

    private static Sample convolution() {
        // OIHW: output 0 = [[1, 2], [3, 4]], output 1 = [[-1, 0], [0, 0.5]]; stride 2; one padding row on top.
        Layer.Convolution conv = new Layer.Convolution(1, 2, 2, 2, 2, 2, new Padding(1, 0, 0, 0),
                new float[] {1, 2, 3, 4, -1, 0, 0, 0.5f}, new float[] {0.5f, -0.25f});
        return new Sample(picking("conv", List.of(NetworkNode.of("layer", conv, NetworkDescription.INPUT)), 2 * 14 * 14,
                0, 14 + 1, 196, 196 + 13 * 14 + 13), logits(
                3 * x(0, 0) + 4 * x(0, 1) + 0.5,
                x(1, 2) + 2 * x(1, 3) + 3 * x(2, 2) + 4 * x(2, 3) + 0.5,
                0.5 * x(0, 1) - 0.25,
                -x(25, 26) + 0.5 * x(26, 27) - 0.25));
    }

    private static Sample maxPool() {
        // Negated pixels, so that padding counted as 0 would win every window it touches.
        Layer.Convolution negate = new Layer.Convolution(1, 1, 1, 1, 1, 1, Padding.NONE, new float[] {-1}, new float[1]);
        return new Sample(picking("max-pool", List.of(
                NetworkNode.of("negate", negate, NetworkDescription.INPUT),
                NetworkNode.of("layer", new Layer.MaxPool(2, 2, 2, 2, new Padding(1, 1, 0, 0)), "negate")), 14 * 14,
                1, 2 * 14 + 3, 13 * 14 + 13), logits(-x(0, 1), -x(3, 5), -x(25, 25)));
    }

    private static Sample averagePool() {
        return new Sample(picking("average-pool", List.of(
                NetworkNode.of("layer", new Layer.AveragePool(3, 3, 2, 2, Padding.of(1)), NetworkDescription.INPUT)), 14 * 14,
                0, 14 + 1, 13), logits(
                mean(0, 1, 0, 1),
                mean(1, 3, 1, 3),
                mean(0, 1, 25, 27)));
    }

    private static Sample globalAveragePool() {
        return new Sample(picking("gap", List.of(NetworkNode.of("layer", new Layer.GlobalAveragePool(), NetworkDescription.INPUT)),
                1, 0), logits(391.5 / 1024));
    }

    private static Sample batchNorm() {
        Layer.Convolution twice = new Layer.Convolution(1, 2, 1, 1, 1, 1, Padding.NONE, new float[] {1, 1}, new float[2]);
        Layer.BatchNorm bn = new Layer.BatchNorm(2, new float[] {2, -1}, new float[] {0.5f, 0}, new float[] {0.25f, 0.125f},
                new float[] {3, 0.5f}, 1e-3);
        return new Sample(picking("bn", List.of(
                NetworkNode.of("copies", twice, NetworkDescription.INPUT),
                NetworkNode.of("layer", bn, "copies")), 2 * Image.PIXELS, 5, Image.PIXELS + 5, Image.PIXELS + 783), logits(
                2 * (x(0, 5) - 0.25) / Math.sqrt(3.001) + 0.5,
                -(x(0, 5) - 0.125) / Math.sqrt(0.501),
                -(x(27, 27) - 0.125) / Math.sqrt(0.501)));
    }

    private static Sample add() {
        Layer.Convolution twice = new Layer.Convolution(1, 1, 1, 1, 1, 1, Padding.NONE, new float[] {2}, new float[] {0.125f});
        return new Sample(picking("add", List.of(
                NetworkNode.of("twice", twice, NetworkDescription.INPUT),
                new NetworkNode("layer", new Layer.Add(), List.of("twice", NetworkDescription.INPUT))), Image.PIXELS,
                0, 100, 783), logits(0.125, 3 * x(3, 16) + 0.125, 3 * x(27, 27) + 0.125));
    }

    private static Sample flatten() {
        // Two channels (x and −x): C, H, W order puts all of channel 0 first.
        Layer.Convolution signs = new Layer.Convolution(1, 2, 1, 1, 1, 1, Padding.NONE, new float[] {1, -1}, new float[2]);
        NetworkDescription network = new NetworkDescription("flatten", List.of(
                NetworkNode.of("signs", signs, NetworkDescription.INPUT),
                NetworkNode.of("layer", new Layer.Flatten(), "signs"),
                NetworkNode.of("pick", selector(2 * Image.PIXELS, 5, Image.PIXELS + 29, 783), "layer")), "pick");
        return new Sample(network, logits(x(0, 5), -x(1, 1), x(27, 27)));
    }

    private static Sample dense() {
        // Logit j = pixel (j, j) + j / 8: weights stored inputs × outputs, row = input feature.
        float[] weights = new float[Image.PIXELS * 10];
        float[] bias = new float[10];
        double[] expected = new double[10];
        for (int j = 0; j < 10; j++) {
            weights[(j * Image.SIDE + j) * 10 + j] = 1;
            bias[j] = j / 8f;
            expected[j] = x(j, j) + j / 8.0;
        }
        NetworkDescription network = new NetworkDescription("dense", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("layer", new Layer.Dense(Image.PIXELS, 10, weights, bias), "flat")), "layer");
        return new Sample(network, expected);
    }

    private static Sample activation(ActivationFunction function) {
        Layer.Convolution shift = new Layer.Convolution(1, 1, 1, 1, 1, 1, Padding.NONE, new float[] {1}, new float[] {-0.375f});
        DoubleUnaryOperator f = switch (function) {
            case RELU -> v -> Math.max(0, v);
            case SIGMOID -> v -> 1 / (1 + Math.exp(-v));
            case TANH -> Math::tanh;
            case IDENTITY -> v -> v;
        };
        return new Sample(picking("activation", List.of(
                NetworkNode.of("shift", shift, NetworkDescription.INPUT),
                NetworkNode.of("layer", new Layer.Activation(function), "shift")), Image.PIXELS, 0, 400, 783), logits(
                f.applyAsDouble(-0.375), f.applyAsDouble(400 / 1024.0 - 0.375), f.applyAsDouble(783 / 1024.0 - 0.375)));
    }

    private static Sample dropout() {
        return new Sample(picking("dropout", List.of(NetworkNode.of("layer", new Layer.Dropout(0.5), NetworkDescription.INPUT)),
                Image.PIXELS, 0, 300, 783), logits(0, x(10, 20), x(27, 27)));
    }

    private static Sample standardize() {
        float[] mean = new float[Image.PIXELS];
        float[] std = new float[Image.PIXELS];
        for (int i = 0; i < Image.PIXELS; i++) {
            mean[i] = i / 2048f;
            std[i] = 0.5f + i / 4096f;
        }
        return new Sample(picking("standardize", List.of(
                NetworkNode.of("flat0", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("layer", new Layer.Standardize(mean, std), "flat0")), Image.PIXELS, 0, 500, 783), logits(
                0, (x(17, 24) - 500 / 2048.0) / (0.5 + 500 / 4096.0), (x(27, 27) - 783 / 2048.0) / (0.5 + 783 / 4096.0)));
    }

    private static Sample flipHorizontal() {
        return new Sample(picking("flip", List.of(NetworkNode.of("layer", new Layer.FlipHorizontal(), NetworkDescription.INPUT)),
                Image.PIXELS, 0, 27, 30), logits(x(0, 27), x(0, 0), x(1, 25)));
    }

    /** Weights 3 and 1: the logits are log(¾ softmax(a) + ¼ softmax(b)), a and b each with one non-zero logit. */
    private static Sample probabilityAverage() {
        NetworkDescription network = new NetworkDescription("vote", List.of(
                NetworkNode.of("flat", new Layer.Flatten(), NetworkDescription.INPUT),
                NetworkNode.of("a", selector(Image.PIXELS, 100), "flat"),
                NetworkNode.of("b", selector(Image.PIXELS, 0, 783), "flat"),
                new NetworkNode("vote", new Layer.ProbabilityAverage(new float[] {3f, 1f}), List.of("a", "b"))), "vote");
        double ea = Math.exp(x(3, 16));
        double eb = Math.exp(x(27, 27));
        double[] expected = new double[10];
        for (int c = 0; c < 10; c++) {
            double pa = (c == 0 ? ea : 1) / (ea + 9);
            double pb = (c == 1 ? eb : 1) / (eb + 9);
            expected[c] = Math.log(0.75 * pa + 0.25 * pb);
        }
        return new Sample(network, expected);
    }

    // ---- helpers ----

    /** The image: pixel (r, c) = (28 r + c) / 1024, exact in float. */
    static float[] image() {
        float[] image = new float[Image.PIXELS];
        for (int i = 0; i < image.length; i++) {
            image[i] = i / 1024f;
        }
        return image;
    }

    static double x(int row, int column) {
        return (row * Image.SIDE + column) / 1024.0;
    }

    private static double mean(int top, int bottom, int left, int right) {
        double sum = 0;
        int count = 0;
        for (int r = top; r <= bottom; r++) {
            for (int c = left; c <= right; c++) {
                sum += x(r, c);
                count++;
            }
        }
        return sum / count;
    }

    private static double[] logits(double... first) {
        return Arrays.copyOf(first, 10);
    }

    /** {@code body}, whose last node is named "layer", then Flatten and a head selecting {@code picks} as logits. */
    private static NetworkDescription picking(String name, List<NetworkNode> body, int size, int... picks) {
        List<NetworkNode> nodes = new ArrayList<>(body);
        nodes.add(NetworkNode.of("flat", new Layer.Flatten(), "layer"));
        nodes.add(NetworkNode.of("pick", selector(size, picks), "flat"));
        return new NetworkDescription(name, nodes, "pick");
    }

    /** Dense(size, 10) copying feature {@code picks[j]} to logit {@code j}; the other logits are 0. */
    private static Layer.Dense selector(int size, int... picks) {
        float[] weights = new float[size * 10];
        for (int j = 0; j < picks.length; j++) {
            weights[picks[j] * 10 + j] = 1;
        }
        return new Layer.Dense(size, 10, weights, new float[10]);
    }

    private static NetworkDescription head(String name, Layer layer, int size) {
        return picking(name, List.of(NetworkNode.of("layer", layer, NetworkDescription.INPUT)), size, 0);
    }

    private static void assertMessage(FmnistException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing from: " + e.getMessage());
        }
    }
}
