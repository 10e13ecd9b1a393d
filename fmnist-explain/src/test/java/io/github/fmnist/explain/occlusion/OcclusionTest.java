package io.github.fmnist.explain.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.explain.network.LinearSoftmax;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OcclusionTest {
    private static final int TOP = 5;
    private static final int LEFT = 15;
    private static final int SIDE = 6;

    /** Logistic regression whose BAG score only looks at a 6×6 square: the pixels with large weights. */
    private static LinearSoftmax squareWatcher() {
        double[] weights = new double[FashionClass.COUNT * Image.PIXELS];
        for (int r = TOP; r < TOP + SIDE; r++) {
            for (int c = LEFT; c < LEFT + SIDE; c++) {
                weights[FashionClass.BAG.label() * Image.PIXELS + r * Image.SIDE + c] = 0.15;
            }
        }
        return new LinearSoftmax(weights, new double[FashionClass.COUNT]);
    }

    private static boolean inSquare(int p) {
        int r = p / Image.SIDE;
        int c = p % Image.SIDE;
        return r >= TOP && r < TOP + SIDE && c >= LEFT && c < LEFT + SIDE;
    }

    @Test
    void highlightsThePixelsWithLargeWeights() {
        LinearSoftmax logreg = squareWatcher();
        float[] flat = new float[Image.PIXELS];
        Arrays.fill(flat, 0.8f);
        Image image = Image.fromNormalized(flat);
        Explanation e = new OcclusionProvider().create(logreg, new OcclusionProvider().descriptor().defaults())
                .explainPredicted(image);

        assertEquals(FashionClass.BAG, e.target());
        float[] map = e.relevance();
        double inside = 0;
        double outside = 0;
        int peak = 0;
        for (int p = 0; p < map.length; p++) {
            if (inSquare(p)) {
                inside += map[p] / (SIDE * SIDE);
            } else {
                outside += map[p] / (Image.PIXELS - SIDE * SIDE);
            }
            if (map[p] > map[peak]) {
                peak = p;
            }
        }
        assertTrue(inSquare(peak), "peak at pixel " + peak);
        assertTrue(inside > 5 * outside, "inside " + inside + " vs outside " + outside);
        assertEquals(0f, e.relevance(27, 0), "no patch covering (27, 0) touches the square");
        assertEquals(0f, e.relevance(TOP + SIDE + 6, LEFT), "nor one covering a pixel 6 rows below it");
    }

    @Test
    void sendsAllOccludedImagesInOneCall() {
        LinearSoftmax logreg = squareWatcher();
        Occlusion occlusion = new Occlusion(logreg, 6, 2, 0f, 256);
        assertEquals(144, occlusion.occludedImagesPerExplanation(), "offsets 0, 2, …, 22 in each direction");
        int before = logreg.predictCalls();
        occlusion.explain(Image.fromNormalized(new float[Image.PIXELS]), FashionClass.BAG);
        assertEquals(2, logreg.predictCalls() - before, "one call for the probability, one for all patches");
    }

    @Test
    void coversTheBorderEvenWhenTheStrideDoesNotDivide() {
        // patch 5, stride 4: offsets 0, 4, …, 20 and then 23 so the last column is occluded too
        LinearSoftmax logreg = squareWatcher();
        Occlusion occlusion = new Occlusion(logreg, 5, 4, 0f, 7);
        assertEquals(49, occlusion.occludedImagesPerExplanation());
        float[] flat = new float[Image.PIXELS];
        Arrays.fill(flat, 0.8f);
        Explanation e = occlusion.explain(Image.fromNormalized(flat), FashionClass.BAG);
        assertTrue(inSquare(Argmax.of(e.relevance())));
    }

    @Test
    void worksForEveryClassifierAndRejectsBadOptions() {
        OcclusionProvider provider = new OcclusionProvider();
        LinearSoftmax logreg = squareWatcher();
        assertTrue(provider.supports(logreg));
        assertTrue(provider.descriptor().modelAgnostic());
        Explainer explainer = provider.create(logreg, provider.descriptor().defaults().with("patch", "4"));
        assertEquals("4", explainer.explainPredicted(Image.fromNormalized(new float[Image.PIXELS])).metadata().get("patch"));
        assertThrows(InvalidInputException.class, () -> provider.descriptor().defaults().with("patch", "29"));
        assertThrows(InvalidInputException.class, () -> new Occlusion(logreg, 6, 0, 0f, 1));
        assertThrows(InvalidInputException.class, () -> new Occlusion(logreg, 6, 2, 1.5f, 1));
    }

    /** Index of the largest value. */
    static final class Argmax {
        static int of(float[] values) {
            int best = 0;
            for (int i = 1; i < values.length; i++) {
                if (values[i] > values[best]) {
                    best = i;
                }
            }
            return best;
        }
    }
}
