package io.github.fmnist.explain.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.explain.network.HandBuilt;
import io.github.fmnist.explain.network.TestConvNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureGeometryTest {

    private static Layer.Convolution conv(int kernel, int stride, int pad) {
        return new Layer.Convolution(1, 1, kernel, kernel, stride, stride, Layer.Padding.of(pad),
                new float[kernel * kernel], new float[1]);
    }

    /** conv(k, pad 0) → ReLU [→ max pool 2] per entry, named conv1…; then global pool, flatten, dense. */
    private static NetworkDescription network(int[] kernels, boolean pool) {
        List<NetworkNode> nodes = new ArrayList<>();
        String previous = NetworkDescription.INPUT;
        for (int i = 0; i < kernels.length; i++) {
            String name = "conv" + (i + 1);
            nodes.add(NetworkNode.of(name + ".linear", conv(kernels[i], 1, 0), previous));
            nodes.add(NetworkNode.of(name, new Layer.Activation(Layer.ActivationFunction.RELU), name + ".linear"));
            previous = name;
            if (pool && i < kernels.length - 1) {
                nodes.add(NetworkNode.of("pool" + (i + 1), new Layer.MaxPool(2, 2, 2, 2, Layer.Padding.NONE), previous));
                previous = "pool" + (i + 1);
            }
        }
        nodes.add(NetworkNode.of("gap", new Layer.GlobalAveragePool(), previous));
        nodes.add(NetworkNode.of("flatten", new Layer.Flatten(), "gap"));
        nodes.add(NetworkNode.of("dense", new Layer.Dense(1, 10, new float[10], new float[10]), "flatten"));
        return new NetworkDescription("test", nodes, "dense");
    }

    @Test
    void unpaddedConvolutionsAndPoolsPlaceCellsTowardsTheCentre() {
        // the fmnist cnn's shape: 3×3 valid convolutions with 2×2 max pools, 28 → 26 → 13 → 11 → 5 → 3
        FeatureGeometry g = FeatureGeometry.of(network(new int[] {3, 3, 3}, true), "conv3").orElseThrow();
        assertEquals(3, g.height());
        assertEquals(3, g.width());
        assertEquals(8.5, g.startY(), 1e-12, "cell 0 sees input rows 0..17, centred on 8.5");
        assertEquals(4.0, g.jumpY(), 1e-12);
        assertFalse(g.uniform());
        assertEquals(0.0, g.sourceY(8), 0, "clamped before the first centre");
        assertEquals(0.125, g.sourceY(9), 1e-12);
        assertEquals(2.0, g.sourceX(27), 0);
        assertTrue(FeatureGeometry.of(network(new int[] {3}, false), "gap").isEmpty(), "pooled away: not spatial");
        assertTrue(FeatureGeometry.of(network(new int[] {3}, false), "conv9").isEmpty());
    }

    @Test
    void evenTilingAlignsCentres() {
        FeatureGeometry g = FeatureGeometry.uniform(4, 4);
        assertEquals(3.0, g.startY(), 1e-12);
        assertEquals(7.0, g.jumpY(), 1e-12);
        assertTrue(g.uniform());
        for (int i = 0; i < Image.SIDE; i++) {
            double expected = Math.max(0, Math.min(3, (i + 0.5) * 4 / 28 - 0.5));
            assertEquals(expected, g.sourceY(i), 1e-12);
        }
    }

    @Test
    void gradCamPutsAValidConvolutionsEvidenceOnTheBlob() {
        // a 5×5 unpadded blob detector: a 6×6 blob at (10, 4) fills the windows of output rows 10–11 and
        // columns 4–5, whose receptive fields are centred on input rows 12–13 and columns 6–7
        double[] kernel = new double[25];
        Arrays.fill(kernel, 1.0 / 25);
        double[] dense = new double[10];
        dense[FashionClass.BAG.label()] = 1;
        TestConvNet net = new TestConvNet(List.of(new TestConvNet.Conv(1, 5, 1, 0)), new double[][] {kernel},
                new double[][] {{-0.5}}, dense, new double[10]);
        Image image = Image.fromNormalized(HandBuilt.square(0f, 1f, 10, 4, 6));

        Explanation described = new GradCam(new Described(net, network(new int[] {5}, false))).explain(image, FashionClass.BAG);
        assertEquals("receptive-field", described.metadata().get("alignment"));
        for (int r : new int[] {12, 13}) {
            for (int c : new int[] {6, 7}) {
                assertEquals(1f, described.relevance(r, c), 1e-6f, "(" + r + ", " + c + ")");
            }
        }
        assertEquals(described.relevance(11, 5), described.relevance(14, 8), 1e-6f, "symmetric about the blob centre");

        Explanation assumed = new GradCam(net).explain(image, FashionClass.BAG);
        assertEquals("uniform", assumed.metadata().get("alignment"));
        assertTrue(assumed.relevance(12, 6) < 1f, "even tiling of a 24×24 map misplaces the peak");
    }

    /** A test network that also describes itself, as fmnist-dl's classifiers do. */
    private record Described(TestConvNet net, NetworkDescription description)
            implements Classifier, ConvolutionGradients, NetworkExportable {
        @Override
        public ModelInfo info() {
            return net.info();
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            return net.predictNormalized(nchw);
        }

        @Override
        public void writePayload(PayloadSink sink) {
            net.writePayload(sink);
        }

        @Override
        public List<String> convolutionLayers() {
            return net.convolutionLayers();
        }

        @Override
        public ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target) {
            return net.gradients(normalizedImage, layer, target);
        }

        @Override
        public NetworkDescription describeNetwork() {
            return description;
        }
    }
}
