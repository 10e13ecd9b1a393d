package io.github.fmnist.explain.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.capability.ActivationGradients;
import org.junit.jupiter.api.Test;

/** The test network's gradients must be right, or every explainer test built on it proves nothing. */
class TestConvNetTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TestConvNet.Pooling.class)
    void parameterGradientsMatchFiniteDifferences(TestConvNet.Pooling pooling) {
        TestConvNet net = TestConvNet.random(Training.ARCHITECTURE, pooling, 3);
        Shapes.Data data = Shapes.generate(1, 5);
        TestConvNet.Grads g = net.newGrads();
        net.accumulateLossGradients(data.images(), 0, data.labels()[0], g);
        int[][] probes = {{0, 0}, {0, 37}, {0, 199}, {1, 5}, {1, 300}, {1, 575}};
        for (int[] probe : probes) {
            double[] w = net.weights[probe[0]];
            double saved = w[probe[1]];
            double h = 1e-5;
            w[probe[1]] = saved + h;
            double up = loss(net, data);
            w[probe[1]] = saved - h;
            double down = loss(net, data);
            w[probe[1]] = saved;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, g.w[probe[0]][probe[1]], 1e-6 + 1e-4 * Math.abs(numeric),
                    "weight " + probe[1] + " of layer " + probe[0]);
        }
    }

    @Test
    void activationGradientsOfTheFirstLayerMatchFiniteDifferencesThroughTheInput() {
        // conv1 with a 1×1 identity kernel makes conv1's activations equal the (non-negative) input,
        // so ∂score/∂activation can be checked by nudging input pixels.
        TestConvNet random = TestConvNet.random(Training.ARCHITECTURE, 9);
        var convs = java.util.List.of(new TestConvNet.Conv(1, 1, 1, 0), Training.ARCHITECTURE.get(1));
        TestConvNet net = new TestConvNet(convs, new double[][] {{1.0}, java.util.Arrays.copyOf(random.weights[1], 8 * 9)},
                new double[][] {{0.0}, new double[8]}, random.dense, random.denseBias);
        float[] image = Shapes.generate(1, 21).image(0);
        ActivationGradients g = net.gradients(image, "conv1", FashionClass.PULLOVER);
        for (int p : new int[] {0, 100, 405, 783}) {
            double h = 1e-3;
            float saved = image[p];
            image[p] = saved + (float) h;
            double up = net.forward(image, 0).logits[FashionClass.PULLOVER.label()];
            image[p] = saved;
            double at = net.forward(image, 0).logits[FashionClass.PULLOVER.label()];
            double numeric = (up - at) / h;
            assertEquals(numeric, g.gradient(0, p / Image.SIDE, p % Image.SIDE), 1e-4, "pixel " + p);
        }
        assertEquals(net.forward(image, 0).logits[2], g.classScore(), 1e-12);
    }

    @Test
    void sgdLearnsTheShapes() {
        TestConvNet net = Training.trainedShapesNet();
        double accuracy = Training.accuracy(net, Shapes.generate(400, 99));
        assertTrue(accuracy > 0.9, "held-out accuracy " + accuracy);
    }

    private static double loss(TestConvNet net, Shapes.Data data) {
        return net.accumulateLossGradients(data.images(), 0, data.labels()[0], net.newGrads());
    }
}
