package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DifferenceMapTest {
    private static final float[] BACKDROP = {200, 180, 160};

    @Test
    void differenceIsTheRootMeanSquareOverTheChannels() {
        ColourPicture picture = Pictures.of(40, 40, (x, y) -> x == 20 && y == 20
                ? new float[] {200 + 30, 180 - 30, 160 + 30} : BACKDROP);
        DifferenceMap map = DifferenceMap.of(picture, BackgroundModel.fit(picture));
        assertEquals(30, map.distance(20 * 40 + 20), 0.01);
        assertEquals(0, map.distance(5), 0.01);
    }

    @Test
    void theMedianFilterTakesOffAnIsolatedPixelAndKeepsABlock() {
        // a lone pixel 60 off the backdrop at (5, 5); a 4×4 block 40 off it at (20..23, 20..23), its corner at
        // (20, 20) raised to 90 and the pixel beside it at (19, 21) to 70
        ColourPicture picture = Pictures.of(40, 40, (x, y) -> {
            float d = x == 5 && y == 5 ? 60 : x == 20 && y == 20 ? 90 : x == 19 && y == 21 ? 70
                    : x >= 20 && x < 24 && y >= 20 && y < 24 ? 40 : 0;
            return new float[] {BACKDROP[0] - d, BACKDROP[1] - d, BACKDROP[2] - d};
        });
        DifferenceMap filtered = DifferenceMap.of(picture, BackgroundModel.fit(picture)).medianFiltered();
        assertEquals(0, filtered.distance(5 * 40 + 5), 0.01, "the lone pixel");
        assertEquals(40, filtered.distance(21 * 40 + 21), 0.01, "inside the block");
        assertEquals(40, filtered.distance(20 * 40 + 20), 0.01, "the block's raised corner");
        assertEquals(0, filtered.distance(21 * 40 + 19), 0.01, "the raised pixel beside the block");
        assertEquals(0, filtered.distance(0), 0.01, "the picture's corner");
    }

    @Test
    void aDarkerPixelOfTheBackdropsChromaIsShadowLikeAndAColouredOneIsNot() {
        ColourPicture picture = Pictures.of(40, 40, (x, y) -> {
            if (y == 20 && x == 10) {
                return new float[] {0.7f * 200, 0.7f * 180, 0.7f * 160};
            }
            if (y == 20 && x == 20) {
                return new float[] {140, 60, 60};
            }
            if (y == 20 && x == 30) {
                return new float[] {0.3f * 200, 0.3f * 180, 0.3f * 160};
            }
            return BACKDROP;
        });
        DifferenceMap map = DifferenceMap.of(picture, BackgroundModel.fit(picture));
        assertTrue(map.shadowLike(20 * 40 + 10), "70 % of the backdrop's brightness, same chroma");
        assertFalse(map.shadowLike(20 * 40 + 20), "red is not a shadow on beige");
        assertFalse(map.shadowLike(20 * 40 + 30), "30 % is too dark for a soft shadow");
    }

    @Test
    void onADarkBackdropNothingIsShadowLike() {
        ColourPicture picture = Pictures.of(40, 40, (x, y) -> x == 20 && y == 20
                ? new float[] {14, 14, 14} : new float[] {20, 20, 20});
        DifferenceMap map = DifferenceMap.of(picture, BackgroundModel.fit(picture));
        assertFalse(map.shadowLike(20 * 40 + 20));
    }
}
