package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.dl.DescribedNetwork.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConvolutionGradientsTest {
    private static final double STEP = 1e-7;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("cnn", new CnnProvider(), TinyTraining.cnn(), List.of("conv1", "conv2", "conv3")),
                Arguments.of("resnet", new ResnetProvider(), TinyTraining.resnet(), List.of("stem", "block1", "block2", "block3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void gradientsMatchDoublePrecisionFiniteDifferences(String name, ModelProvider provider, Hyperparameters hp,
                                                        List<String> layers) {
        GraphClassifier classifier = TinyTraining.train(provider, hp, TinyTraining.data(256), TinyTraining.SEED);
        ConvolutionGradients capability = classifier.unwrap(ConvolutionGradients.class).orElseThrow();
        assertEquals(layers, capability.convolutionLayers());
        assertEquals(layers.get(layers.size() - 1), capability.defaultLayer());
        float[] pixels = TinyTraining.data(300).images().get(280).toNormalized();
        double[] image = new double[784];
        for (int i = 0; i < image.length; i++) {
            image[i] = pixels[i];
        }
        DescribedNetwork reference = classifier.describedNetwork();
        SplittableRandom random = new SplittableRandom(5);
        for (String layer : layers) {
            FashionClass target = FashionClass.of(random.nextInt(10));
            ActivationGradients g = capability.gradients(pixels, layer, target);
            double[] activations = g.activations();
            double[] gradients = g.gradients();
            double largest = 0;
            for (double v : gradients) {
                largest = Math.max(largest, Math.abs(v));
            }
            assertTrue(largest > 0, layer + ": all gradients are zero");
            for (int probe = 0; probe < 25; probe++) {
                int k = random.nextInt(activations.length);
                if (activations[k] == 0) {
                    continue; // a ReLU's zero ties with its neighbours in the next max pool: not differentiable
                }
                double numeric = (score(reference, image, layer, g, k, STEP, target)
                        - score(reference, image, layer, g, k, -STEP, target)) / (2 * STEP);
                assertEquals(numeric, gradients[k], 1e-6 * Math.max(1, Math.abs(numeric)),
                        name + " " + layer + " element " + k);
            }
        }
    }

    private static double score(DescribedNetwork net, double[] image, String layer, ActivationGradients g, int k,
                                double step, FashionClass target) {
        double[] shifted = g.activations();
        shifted[k] += step;
        Tensor replaced = new Tensor(shifted, g.channels(), g.height(), g.width());
        return net.logits(net.forward(image, layer, replaced))[target.label()];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void activationsAndScoreAreDl4jsInInferenceMode(String name, ModelProvider provider, Hyperparameters hp,
                                                    List<String> layers) {
        GraphClassifier classifier = TinyTraining.train(provider, hp, TinyTraining.data(256), TinyTraining.SEED);
        float[] pixels = TinyTraining.data(300).images().get(290).toNormalized();
        ComputationGraph graph = classifier.network().clone();
        try (INDArray input = Nd4j.create(pixels, new long[] {1, 1, 28, 28}, 'c')) {
            Map<String, INDArray> dl4j = graph.feedForward(new INDArray[] {input}, false);
            for (String layer : layers) {
                ActivationGradients g = classifier.gradients(pixels, layer, FashionClass.BAG);
                float[] expected = Nd4j.toFlattened('c', dl4j.get(layer)).toFloatVector();
                assertEquals(expected.length, g.activations().length, layer);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], g.activations()[i], 1e-4 * Math.max(1, Math.abs(expected[i])), layer + " " + i);
                }
                float logit = dl4j.get(Architecture.LOGITS).getFloat(0, FashionClass.BAG.label());
                assertEquals(logit, g.classScore(), 1e-4 * Math.max(1, Math.abs(logit)), "pre-softmax score");
            }
        }
    }

    @Test
    void unknownLayersAndWrongSizedImagesAreRejected() {
        GraphClassifier classifier = TinyTraining.train(new CnnProvider(), TinyTraining.cnn(), TinyTraining.data(32), 1);
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> classifier.gradients(new float[784], "dense", FashionClass.BAG));
        assertTrue(unknown.getMessage().contains("conv3"), unknown.getMessage());
        assertThrows(InvalidInputException.class, () -> classifier.gradients(new float[783], "conv3", FashionClass.BAG));
    }
}
