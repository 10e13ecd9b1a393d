package io.github.fmnist.explain.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.explain.network.HandBuilt;
import io.github.fmnist.explain.network.LinearSoftmax;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradCamTest {

    @Test
    void matchesTheHandComputedMapOfABlockAverager() {
        // One channel averaging 7×7 blocks gives a 4×4 map; a white block at block (1, 2) makes that cell 1
        // and all others 0. Its gradient is 1/16 everywhere, so Grad-CAM is that single cell, upsampled with
        // aligned centres: input pixel i samples the map at (i + 0.5)/7 − 0.5.
        TestConvNet net = HandBuilt.blockAverager(FashionClass.BAG);
        Image image = Image.fromNormalized(HandBuilt.square(0f, 1f, 7, 14, 7));
        Explanation e = new GradCam(net).explain(image, FashionClass.BAG);

        assertEquals(1.0, e.relevance(10, 17), 1e-6, "row 10 and column 17 sample the cell's centre exactly");
        assertEquals(6.0 / 7, e.relevance(10, 16), 1e-6, "column 16 samples 1 + 6/7");
        assertEquals(4.0 / 7, e.relevance(10, 20), 1e-6, "column 20 samples 2 + 3/7, weight 4/7 on the cell");
        assertEquals(4.0 / 7, e.relevance(7, 17), 1e-6, "row 7 samples 4/7 of the way from row 0 to row 1");
        assertEquals(16.0 / 49, e.relevance(7, 20), 1e-6);
        assertEquals(0.0, e.relevance(3, 17), 0.0, "row 3 samples row 0 only");
        assertEquals(0.0, e.relevance(27, 0), 0.0);
        assertEquals("conv1", e.metadata().get("layer"));
        assertEquals("4x4", e.metadata().get("featureMap"));
        assertEquals(GradCam.ID, e.method());
        assertEquals(net.predict(image).probability(FashionClass.BAG), e.targetProbability(), 0f);
    }

    @Test
    void channelWeightsAreTheMeanGradientsAndNegativeEvidenceIsCut() {
        TestConvNet carrier = HandBuilt.blockAverager(FashionClass.BAG);
        // two channels over a 1×2 map; channel 1's gradients average to 0 so it must not count
        ActivationGradients g = new ActivationGradients("conv1", FashionClass.BAG, 0, 2, 1, 2,
                new double[] {1, 3, 2, 0}, new double[] {0.5, 0.5, 1, -1});
        assertArrayEquals(new double[] {0.5, 1.5}, new GradCam(carrier).coarseMap(g, FeatureGeometry.uniform(1, 2), new float[784], FashionClass.BAG), 1e-12);
        ActivationGradients negative = new ActivationGradients("conv1", FashionClass.BAG, 0, 1, 1, 2,
                new double[] {1, 3}, new double[] {-1, -1});
        double[] coarse = new GradCam(carrier).coarseMap(negative, FeatureGeometry.uniform(1, 2), new float[784], FashionClass.BAG);
        assertArrayEquals(new double[] {-1, -3}, coarse, 1e-12, "negative before the ReLU the explainer applies");
    }

    @Test
    void peaksOnTheBlobTheDetectorFires() {
        TestConvNet net = HandBuilt.blobDetector(FashionClass.SANDAL);
        GradCam cam = new GradCam(net);
        Random random = new Random(3);
        for (int trial = 0; trial < 10; trial++) {
            int top = random.nextInt(23);
            int left = random.nextInt(23);
            float[] pixels = HandBuilt.square(0f, 1f, top, left, 6);
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = Math.max(pixels[p], random.nextFloat() * 0.3f);
            }
            Explanation e = cam.explain(Image.fromNormalized(pixels), FashionClass.SANDAL);
            int peak = argmax(e.relevance());
            int row = peak / Image.SIDE;
            int col = peak % Image.SIDE;
            assertTrue(row >= top && row < top + 6 && col >= left && col < left + 6,
                    "peak at (" + row + "," + col + ") but the blob is at (" + top + "," + left + ")");
            assertEquals(0f, e.relevance((top + 14) % 28 < 4 ? 27 : (top + 14) % 28, (left + 14) % 28), 0.05f,
                    "far from the blob the detector is silent");
        }
    }

    @Test
    void peaksOnTheShapeTheTrainedNetworkClassifies() {
        double hits = CamAccuracy.peakInShapeBox(new GradCam(Training.trainedShapesNet()), Shapes.generate(40, 49));
        assertTrue(hits >= 0.9, "peak on the shape in " + hits);
    }

    @Test
    void explainsThePredictedClassOrAnyChosenOne() {
        TestConvNet net = Training.trainedShapesNet();
        Shapes.Data data = Shapes.generate(5, 41);
        GradCam cam = new GradCam(net);
        for (int i = 0; i < data.size(); i++) {
            Image image = Image.fromNormalized(data.image(i));
            Prediction p = net.predict(image);
            Explanation predicted = cam.explainPredicted(image);
            assertEquals(p.predicted(), predicted.target());
            assertEquals(p.confidence(), predicted.targetProbability(), 0f);
            FashionClass other = FashionClass.of((p.predicted().label() + 1) % Shapes.CLASSES);
            Explanation chosen = cam.explain(image, other);
            assertEquals(other, chosen.target());
            assertEquals(p.probability(other), chosen.targetProbability(), 0f);
            assertFalse(java.util.Arrays.equals(predicted.relevance(), chosen.relevance()), "different classes, different maps");
        }
    }

    @Test
    void theLayerOptionSelectsAnyConvolutionalLayer() {
        TestConvNet net = Training.trainedShapesNet();
        GradCamProvider provider = new GradCamProvider();
        Image image = Image.fromNormalized(Shapes.generate(1, 43).image(0));

        Explanation last = provider.create(net, provider.descriptor().defaults()).explainPredicted(image);
        assertEquals("conv2", last.metadata().get("layer"));
        assertEquals("14x14", last.metadata().get("featureMap"));
        Explanation first = provider.create(net, provider.descriptor().defaults().with("layer-index", "0")).explainPredicted(image);
        assertEquals("conv1", first.metadata().get("layer"));
        assertEquals("28x28", first.metadata().get("featureMap"));
        assertNotEquals(last, first);
        assertEquals(first, new GradCam(net, "conv1").explainPredicted(image));
        assertEquals(first, provider.create(net, provider.descriptor().defaults().with("layer", "conv1")
                .with("layer-index", "-1")).explainPredicted(image), "a layer name wins over the index");
        assertThrows(InvalidInputException.class,
                () -> provider.create(net, provider.descriptor().defaults().with(GradCamProvider.LAYER, "dense")));
        assertEquals("conv1", ((GradCam) provider.create(net, provider.descriptor().defaults()
                .with(GradCamProvider.LAYER_INDEX, -2))).layer());

        InvalidInputException outside = assertThrows(InvalidInputException.class,
                () -> provider.create(net, provider.descriptor().defaults().with("layer-index", "2")));
        assertTrue(outside.getMessage().contains("[conv1, conv2]"), outside.getMessage());
        assertThrows(InvalidInputException.class, () -> new GradCam(net, "dense"));
    }

    @Test
    void refusesClassifiersWithoutGradients() {
        LinearSoftmax logreg = new LinearSoftmax(new double[7840], new double[10]);
        GradCamProvider provider = new GradCamProvider();
        assertFalse(provider.supports(logreg));
        assertTrue(provider.supports(Training.trainedShapesNet()));
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> provider.create(logreg, provider.descriptor().defaults()));
        assertTrue(e.getMessage().contains("occlusion"), e.getMessage());
    }

    @Test
    void anAllNegativeMapIsAllZero() {
        // the blob detector on a black image never fires: no evidence anywhere, not a division by zero
        Explanation e = new GradCam(HandBuilt.blobDetector(FashionClass.SANDAL))
                .explain(Image.fromNormalized(new float[Image.PIXELS]), FashionClass.SANDAL);
        for (float v : e.relevance()) {
            assertEquals(0f, v);
        }
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
