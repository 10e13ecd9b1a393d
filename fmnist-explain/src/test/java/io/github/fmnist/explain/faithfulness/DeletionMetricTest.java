package io.github.fmnist.explain.faithfulness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.explain.cam.GradCam;
import io.github.fmnist.explain.cam.GradCamPlusPlus;
import io.github.fmnist.explain.cam.ScoreCam;
import io.github.fmnist.explain.network.LinearSoftmax;
import io.github.fmnist.explain.network.ShapeBatches;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeletionMetricTest {

    /** Logistic regression with BAG score = 0.2 · sum of the first 100 pixels. */
    private static LinearSoftmax firstRowsWatcher() {
        double[] weights = new double[FashionClass.COUNT * Image.PIXELS];
        for (int p = 0; p < 100; p++) {
            weights[FashionClass.BAG.label() * Image.PIXELS + p] = 0.2;
        }
        return new LinearSoftmax(weights, new double[FashionClass.COUNT]);
    }

    @Test
    void theTrueMapDeletesFasterThanRandomAndTheInvertedMapSlowest() {
        LinearSoftmax logreg = firstRowsWatcher();
        float[] flat = new float[Image.PIXELS];
        Arrays.fill(flat, 1f);
        Image image = Image.fromNormalized(flat);
        float[] truth = new float[Image.PIXELS];
        float[] inverted = new float[Image.PIXELS];
        for (int p = 0; p < Image.PIXELS; p++) {
            truth[p] = p < 100 ? 1f : 0f;
            inverted[p] = 1f - truth[p];
        }
        DeletionMetric metric = new DeletionMetric(logreg, 20, 42);
        int before = logreg.predictCalls();
        DeletionCurve best = metric.curve(image, truth, FashionClass.BAG);
        assertEquals(1, logreg.predictCalls() - before, "one classifier call per curve");
        DeletionCurve random = metric.curve(image, metric.randomMap(0), FashionClass.BAG);
        DeletionCurve worst = metric.curve(image, inverted, FashionClass.BAG);

        assertEquals(21, best.probabilities().length);
        assertEquals(logreg.predict(image).probability(FashionClass.BAG), best.probabilities()[0], 0f);
        assertEquals(0.1f, best.probabilities()[20], 1e-6f, "all pixels gone: every score 0, uniform over 10");
        assertTrue(best.auc() < random.auc() && random.auc() < worst.auc(),
                best.auc() + " < " + random.auc() + " < " + worst.auc());
        // the inverted map keeps all 100 watched pixels until 684 others are gone: 87 % of the curve at ~1
        assertTrue(worst.auc() > 0.8, "inverted " + worst.auc());
    }

    @Test
    void isDeterministicForASeed() {
        LinearSoftmax logreg = firstRowsWatcher();
        ImageBatch images = ShapeBatches.of(Shapes.generate(3, 5));
        DeletionMetric a = new DeletionMetric(logreg, 10, 1);
        assertArrayEquals(a.randomMap(2), new DeletionMetric(logreg, 10, 1).randomMap(2));
        assertTrue(!Arrays.equals(a.randomMap(2), a.randomMap(3)));
        float[] zeros = new float[Image.PIXELS];
        assertEquals(a.curve(images.get(0), zeros, FashionClass.BAG), a.curve(images.get(0), zeros, FashionClass.BAG));
        assertThrows(InvalidInputException.class, () -> new DeletionMetric(logreg, 0, 1));
        assertThrows(InvalidInputException.class, () -> a.curve(images.get(0), new float[3], FashionClass.BAG));
    }

    @Test
    void randomMapsAreIndependentPixelsByDefaultOrSmoothOnACoarseGrid() {
        LinearSoftmax logreg = firstRowsWatcher();
        double pixelStep = maxNeighbourStep(new DeletionMetric(logreg, 10, 3).randomMap(0));
        double smoothStep = maxNeighbourStep(new DeletionMetric(logreg, 10, 7, 3).randomMap(0));
        assertTrue(pixelStep > 0.5, "independent pixels jump: " + pixelStep);
        assertTrue(smoothStep <= 0.25 + 1e-6, "7×7 noise upsampled moves at most a quarter cell per pixel: " + smoothStep);
        assertThrows(InvalidInputException.class, () -> new DeletionMetric(logreg, 10, 29, 3));
    }

    private static double maxNeighbourStep(float[] map) {
        double max = 0;
        for (int r = 0; r < Image.SIDE; r++) {
            for (int c = 0; c + 1 < Image.SIDE; c++) {
                max = Math.max(max, Math.abs(map[r * Image.SIDE + c + 1] - map[r * Image.SIDE + c]));
            }
        }
        return max;
    }

    @Test
    void gradCamMapsOfATrainedNetworkDeleteFasterThanRandomMaps() {
        TestConvNet net = Training.trainedShapesNet();
        ImageBatch images = ShapeBatches.of(Shapes.generate(60, 77));
        DeletionComparison c = new DeletionMetric(net, DeletionMetric.DEFAULT_STEPS, 42).compare(new GradCam(net), images);
        assertEquals(GradCam.ID, c.method());
        assertEquals(60, c.images());
        assertTrue(c.explainerAuc() < 0.7 * c.randomAuc(), "Grad-CAM " + c.explainerAuc() + " vs random " + c.randomAuc());
        assertTrue(c.explainerWins() >= 48, "Grad-CAM beat random on " + c.explainerWins() + " of 60");
    }

    @Test
    void gradCamPlusPlusAndScoreCamAlsoBeatRandomMaps() {
        TestConvNet net = Training.trainedShapesNet();
        ImageBatch images = ShapeBatches.of(Shapes.generate(30, 79));
        DeletionMetric metric = new DeletionMetric(net, DeletionMetric.DEFAULT_STEPS, 43);
        for (var explainer : java.util.List.<io.github.fmnist.api.explain.Explainer>of(new GradCamPlusPlus(net), new ScoreCam(net, "conv2", 64))) {
            DeletionComparison c = metric.compare(explainer, images);
            assertTrue(c.explainerAuc() < 0.7 * c.randomAuc(), c.toString());
        }
    }
}
