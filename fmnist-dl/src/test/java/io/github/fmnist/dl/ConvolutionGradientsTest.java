package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradients Grad-CAM uses, checked against what they claim to be: the derivative of the pre-softmax class
 * score of DL4J's inference-mode network. The networks are trained for one short epoch on synthetic images, which
 * moves the BatchNorm running statistics well away from their initial 0 and 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConvolutionGradientsTest {
    /** Step of the central differences, in activation units (activations are of order 0.1–1). */
    private static final double STEP = 1e-4;
    /**
     * Allowed |DL4J − finite difference| relative to the larger of the two and to 1 % of the image's largest
     * gradient. The finite differences are exact up to 1e-12: the network is piecewise linear in a layer's
     * activations in inference mode (ReLU, max pooling, BatchNorm as an affine map, dropout as identity, sums),
     * evaluated in double, and probes whose ±step straddles a kink are skipped. DL4J's gradient is float: a chain
     * of at most a dozen matrix products with sums of up to a few thousand terms, whose rounding stays far below
     * 1e-3 of the values it sums: the worst probe here is 1.2e-5, most are below 2e-6.
     */
    private static final double TOLERANCE = 1e-3;
    private static final int PROBES = 30;

    private final Map<String, GraphClassifier> trained = new HashMap<>();

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("cnn", new CnnProvider(), TinyTraining.cnn(), List.of("conv1", "conv2", "conv3")),
                Arguments.of("cnn paper", new CnnProvider(), TinyTraining.cnn().with(CnnProvider.BATCH_NORM, false)
                        .with(CnnProvider.PADDING, "valid"), List.of("conv1", "conv2", "conv3")),
                Arguments.of("resnet", new ResnetProvider(), TinyTraining.resnet(), List.of("stem", "block1", "block2", "block3")));
    }

    @BeforeAll
    void train() {
        networks().forEach(a -> {
            Object[] args = a.get();
            trained.put((String) args[0], TinyTraining.train((ModelProvider) args[1], (Hyperparameters) args[2],
                    TinyTraining.data(256), TinyTraining.SEED));
        });
    }

    @AfterAll
    void close() {
        trained.values().forEach(GraphClassifier::close);
    }

    private static float[] probeImages(int from, int count) {
        return TinyTraining.data(from + count).images().slice(from, from + count).toNormalizedNchw();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void gradientsMatchFiniteDifferencesOfTheInferenceModeScore(String name, ModelProvider provider, Hyperparameters hp,
                                                                 List<String> layers) {
        GraphClassifier classifier = trained.get(name);
        assertEquals(layers, classifier.convolutionLayers());
        assertEquals(layers.get(layers.size() - 1), classifier.defaultLayer());
        ComputationGraph exact = classifier.network().clone().convertDataType(DataType.DOUBLE);
        float[] pixels = probeImages(280, 3);
        List<FashionClass> targets = List.of(FashionClass.BAG, FashionClass.SHIRT, FashionClass.ANKLE_BOOT);
        SplittableRandom random = new SplittableRandom(5);
        for (String layer : layers) {
            List<ActivationGradients> batch = classifier.gradients(pixels, layer, targets);
            for (int i = 0; i < batch.size(); i++) {
                INDArray image = Nd4j.create(slice(pixels, i), new long[] {1, 1, 28, 28}, 'c').castTo(DataType.DOUBLE);
                checkAgainstFiniteDifferences(name + " " + layer + " image " + i, exact, image, batch.get(i), random);
            }
        }
    }

    private static void checkAgainstFiniteDifferences(String what, ComputationGraph exact, INDArray image,
                                                      ActivationGradients g, SplittableRandom random) {
        double[] activations = g.activations();
        double[] gradients = g.gradients();
        double largest = 0;
        for (double v : gradients) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest > 0, what + ": all gradients are zero");
        long[] shape = {1, g.channels(), g.height(), g.width()};
        int target = g.target().label();
        double centre = DownstreamScore.logit(exact, image, g.layer(), Nd4j.create(activations, shape, 'c'), target);
        assertEquals(centre, g.classScore(), 1e-4 * Math.max(1, Math.abs(centre)), what + ": score");
        List<Integer> active = new ArrayList<>();
        for (int k = 0; k < activations.length; k++) {
            if (activations[k] != 0) {
                active.add(k); // a ReLU's zero ties with its zero neighbours in the next max pool: no derivative
            }
        }
        int checked = 0;
        for (int probe = 0; probe < PROBES; probe++) {
            int k = active.get(random.nextInt(active.size()));
            double up = shifted(exact, image, g, activations, shape, k, STEP);
            double down = shifted(exact, image, g, activations, shape, k, -STEP);
            double right = (up - centre) / STEP;
            double left = (centre - down) / STEP;
            if (Math.abs(right - left) > 1e-9 * Math.max(1, Math.abs(right))) {
                continue; // a kink (ReLU, max-pool switch) lies within ±STEP
            }
            double numeric = (up - down) / (2 * STEP);
            double scale = Math.max(Math.max(Math.abs(numeric), Math.abs(gradients[k])), 0.01 * largest);
            assertEquals(numeric, gradients[k], TOLERANCE * scale, what + " element " + k);
            checked++;
        }
        assertTrue(checked >= PROBES / 2, what + ": only " + checked + " of " + PROBES + " probes were differentiable");
    }

    private static double shifted(ComputationGraph exact, INDArray image, ActivationGradients g, double[] activations,
                                  long[] shape, int k, double step) {
        double[] moved = activations.clone();
        moved[k] += step;
        return DownstreamScore.logit(exact, image, g.layer(), Nd4j.create(moved, shape, 'c'), g.target().label());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void activationsAndScoresAreDl4jsInferenceForwardPass(String name, ModelProvider provider, Hyperparameters hp,
                                                          List<String> layers) {
        GraphClassifier classifier = trained.get(name);
        float[] pixels = probeImages(290, 4);
        ComputationGraph graph = classifier.network().clone();
        List<FashionClass> bags = List.of(FashionClass.BAG, FashionClass.BAG, FashionClass.BAG, FashionClass.BAG);
        try (INDArray input = Nd4j.create(pixels, new long[] {4, 1, 28, 28}, 'c')) {
            Map<String, INDArray> dl4j = graph.feedForward(new INDArray[] {input}, false);
            for (String layer : layers) {
                List<ActivationGradients> batch = classifier.gradients(pixels, layer, bags);
                for (int i = 0; i < 4; i++) {
                    ActivationGradients g = batch.get(i);
                    float[] expected = Nd4j.toFlattened('c', dl4j.get(layer).slice(i)).toFloatVector();
                    double[] actual = g.activations();
                    assertEquals(expected.length, actual.length, layer);
                    for (int k = 0; k < expected.length; k++) {
                        assertEquals(expected[k], actual[k], 1e-5 * Math.max(1, Math.abs(expected[k])), layer + " " + k);
                    }
                    float logit = dl4j.get(Architecture.LOGITS).getFloat(i, FashionClass.BAG.label());
                    assertEquals(logit, g.classScore(), 1e-5 * Math.max(1, Math.abs(logit)), "pre-softmax score");
                }
            }
        }
    }

    /** Fails if the images of a batch influence each other, as DL4J's training-mode BatchNorm derivative would make them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void eachImageOfABatchGetsTheGradientsItGetsAlone(String name, ModelProvider provider, Hyperparameters hp,
                                                     List<String> layers) {
        GraphClassifier classifier = trained.get(name);
        float[] pixels = probeImages(200, 5);
        List<FashionClass> targets = List.of(FashionClass.of(0), FashionClass.of(3), FashionClass.of(5), FashionClass.of(7),
                FashionClass.of(9));
        String layer = layers.get(0);
        List<ActivationGradients> batch = classifier.gradients(pixels, layer, targets);
        for (int i = 0; i < 5; i++) {
            ActivationGradients alone = classifier.gradients(slice(pixels, i), layer, targets.get(i));
            assertClose(alone.gradients(), batch.get(i).gradients(), name + " image " + i);
            assertClose(alone.activations(), batch.get(i).activations(), name + " image " + i);
            assertEquals(targets.get(i), batch.get(i).target());
        }
    }

    @Test
    void concurrentCallsGiveTheSequentialResults() throws Exception {
        GraphClassifier classifier = trained.get("resnet");
        float[] pixels = probeImages(100, 6);
        List<FashionClass> targets = List.of(FashionClass.BAG, FashionClass.COAT, FashionClass.DRESS, FashionClass.SHIRT,
                FashionClass.SANDAL, FashionClass.SNEAKER);
        List<ActivationGradients> sequential = classifier.gradients(pixels, "block2", targets);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ActivationGradients>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> classifier.gradients(pixels, "block2", targets)));
            }
            for (Future<List<ActivationGradients>> r : results) {
                List<ActivationGradients> concurrent = r.get();
                for (int i = 0; i < targets.size(); i++) {
                    assertClose(sequential.get(i).gradients(), concurrent.get(i).gradients(), "image " + i);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void unknownLayersWrongSizedImagesAndMissingTargetsAreRejected() {
        GraphClassifier classifier = trained.get("cnn");
        ConvolutionGradients capability = classifier.unwrap(ConvolutionGradients.class).orElseThrow();
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> capability.gradients(new float[784], "dense", FashionClass.BAG));
        assertTrue(unknown.getMessage().contains("conv3"), unknown.getMessage());
        assertThrows(InvalidInputException.class, () -> capability.gradients(new float[783], "conv3", FashionClass.BAG));
        InvalidInputException counts = assertThrows(InvalidInputException.class,
                () -> capability.gradients(new float[2 * 784], "conv3", List.of(FashionClass.BAG)));
        assertEquals("2 images but 1 target classes", counts.getMessage());
    }

    private static float[] slice(float[] nchw, int i) {
        float[] out = new float[Image.PIXELS];
        System.arraycopy(nchw, i * Image.PIXELS, out, 0, Image.PIXELS);
        return out;
    }

    /** Equal up to float rounding of values of the array's magnitude. */
    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-5 * scale, what + " element " + k);
        }
    }
}
