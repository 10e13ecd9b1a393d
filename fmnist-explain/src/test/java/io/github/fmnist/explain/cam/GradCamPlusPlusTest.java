package io.github.fmnist.explain.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.explain.network.HandBuilt;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import org.junit.jupiter.api.Test;

class GradCamPlusPlusTest {

    @Test
    void closedFormWeightsMatchAHandComputation() {
        // channel 0: A = [1, 3], g = [0.5, 0.5]: α = 0.25/(2·0.25 + 4·0.125) = 0.25, w0 = 2 · 0.25 · 0.5 = 0.25
        // channel 1: A = [2, 0], g = [1, −1]: α = 1/(2 + 2) = 0.25 at the positive gradient, w1 = 0.25
        // map = 0.25·[1, 3] + 0.25·[2, 0] = [0.75, 0.75]   (Grad-CAM would give [0.5, 1.5])
        TestConvNet carrier = HandBuilt.blockAverager(FashionClass.BAG);
        ActivationGradients g = new ActivationGradients("conv1", FashionClass.BAG, 0, 2, 1, 2,
                new double[] {1, 3, 2, 0}, new double[] {0.5, 0.5, 1, -1});
        assertArrayEquals(new double[] {0.75, 0.75},
                new GradCamPlusPlus(carrier).coarseMap(g, FeatureGeometry.uniform(1, 2), new float[Image.PIXELS], FashionClass.BAG), 1e-12);
    }

    @Test
    void equalsGradCamForASingleChannelWithPositiveGradients() {
        TestConvNet net = HandBuilt.blockAverager(FashionClass.BAG);
        Image image = Image.fromNormalized(HandBuilt.square(0.1f, 1f, 7, 14, 7));
        Explanation plusPlus = new GradCamPlusPlus(net).explain(image, FashionClass.BAG);
        assertArrayEquals(new GradCam(net).explain(image, FashionClass.BAG).relevance(), plusPlus.relevance(), 1e-6f);
        assertEquals(GradCamPlusPlus.ID, plusPlus.method());
    }

    @Test
    void peaksOnTheShapeTheTrainedNetworkClassifies() {
        assertTrue(CamAccuracy.peakInShapeBox(new GradCamPlusPlus(Training.trainedShapesNet()), Shapes.generate(40, 51)) >= 0.9);
    }
}
