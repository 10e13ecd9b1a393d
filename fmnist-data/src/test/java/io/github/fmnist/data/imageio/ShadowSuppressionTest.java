package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShadowSuppressionTest {
    private static final float[] WALL = {220, 215, 210};

    private static float[] shade(float s) {
        return new float[] {WALL[0] * s, WALL[1] * s, WALL[2] * s};
    }

    private static final float THRESHOLD = 12f;

    /**
     * Item 40×60 at (40, 30) with a band 4 pixels wide to its right and below: a soft shadow (0.7 of the wall next to
     * the item, fading to 0.925 at its outer edge) or, when not soft, an even 0.7 all across.
     */
    private static ColourPicture itemWithBand(boolean soft) {
        return Pictures.of(120, 120, (x, y) -> {
            if (x >= 40 && x < 80 && y >= 30 && y < 90) {
                return new float[] {40, 60, 160};
            }
            if (x >= 44 && x < 84 && y >= 34 && y < 94) {
                int out = Math.max(x - 79, y - 89);
                return shade(soft ? 0.7f + 0.075f * (out - 1) : 0.7f);
            }
            return WALL;
        });
    }

    private static BinaryMask itemAndBand() {
        return Pictures.rectangle(120, 120, 40, 30, 80, 90).or(Pictures.rectangle(120, 120, 44, 34, 84, 94));
    }

    @Test
    void aThinSoftShadowBesideAColouredItemIsTakenOff() {
        ColourPicture picture = itemWithBand(true);
        DifferenceMap map = DifferenceMap.of(picture, BackgroundModel.fit(picture));
        BinaryMask item = ShadowSuppression.apply(itemAndBand(), map, 64, THRESHOLD);
        assertEquals(1.0, Pictures.iou(item, Pictures.rectangle(120, 120, 40, 30, 80, 90)), 1e-9);
    }

    @Test
    void aShadowShapedGrayBandWithAClearEdgeIsKept() {
        ColourPicture picture = itemWithBand(false);
        DifferenceMap map = DifferenceMap.of(picture, BackgroundModel.fit(picture));
        BinaryMask region = itemAndBand();
        BinaryMask item = ShadowSuppression.apply(region, map, 64, THRESHOLD);
        assertEquals(1.0, Pictures.iou(item, region), 1e-9, "a gray part of the item ends in a step, a shadow fades");
    }

    @Test
    void aThickGrayItemIsKept() {
        ColourPicture picture = Pictures.of(120, 120, (x, y) -> x >= 30 && x < 90 && y >= 20 && y < 100
                ? shade(0.6f) : WALL);
        DifferenceMap map = DifferenceMap.of(picture, BackgroundModel.fit(picture));
        BinaryMask region = Pictures.rectangle(120, 120, 30, 20, 90, 100);
        BinaryMask item = ShadowSuppression.apply(region, map, 80, THRESHOLD);
        assertTrue(Pictures.iou(item, region) > 0.99, "a gray garment looks like shadow pixel by pixel, not by shape");
    }
}
