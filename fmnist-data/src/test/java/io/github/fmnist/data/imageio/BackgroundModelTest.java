package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundModelTest {
    /** A backdrop lit from the left, brighter at the top, with a vignette: exactly quadratic in x and y. */
    private static float[] backdrop(int x, int y) {
        double u = x / 99.0 * 2 - 1;
        double v = y / 79.0 * 2 - 1;
        float light = (float) (200 + 20 * u - 10 * v - 15 * (u * u + v * v));
        return new float[] {light, light * 0.9f, light * 0.8f};
    }

    @Test
    void aQuadraticBackdropIsRecoveredUnderTheItem() {
        ColourPicture picture = Pictures.of(100, 80, (x, y) -> x >= 30 && x < 70 && y >= 20 && y < 60
                ? new float[] {30, 40, 200} : backdrop(x, y));
        BackgroundModel model = BackgroundModel.fit(picture);
        float[] found = new float[3];
        for (int[] p : new int[][] {{50, 40}, {35, 25}, {65, 55}}) {
            model.colour(p[0], p[1], found);
            float[] truth = backdrop(p[0], p[1]);
            for (int c = 0; c < 3; c++) {
                assertEquals(truth[c], found[c], 0.5, "channel " + c + " at " + p[0] + "," + p[1]);
            }
        }
        assertEquals(BackgroundModel.MIN_NOISE, model.noise(), 1e-6, "a noiseless backdrop has the floor noise");
        assertTrue(model.edge().isEmpty());
    }

    @Test
    void aPropTouchingTheFrameIsLeftOutOfTheFit() {
        ColourPicture picture = Pictures.of(100, 80, (x, y) -> x < 25 && y > 60 ? new float[] {20, 20, 20}
                : new float[] {230, 230, 230});
        BackgroundModel model = BackgroundModel.fit(picture);
        float[] found = new float[3];
        model.colour(50, 40, found);
        assertEquals(230, found[0], 0.5, "the dark corner prop is an outlier of the border band");
    }

    @Test
    void aTableEdgeSplitsTheModel() {
        ColourPicture picture = Pictures.of(120, 100, (x, y) -> y > 60 + x / 20
                ? new float[] {180, 140, 100} : new float[] {225, 225, 235});
        BackgroundModel model = BackgroundModel.fit(picture);
        assertTrue(model.edge().isPresent(), "the wall-to-table step is found");
        TableEdge edge = model.edge().get();
        assertEquals(61, edge.leftRow(), 1.5);
        assertEquals(66, edge.rightRow(), 1.5);
        float[] found = new float[3];
        model.colour(60, 30, found);
        assertEquals(225, found[0], 1, "wall");
        model.colour(60, 90, found);
        assertEquals(180, found[0], 1, "table");
    }
}
