package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FullResolutionItemTest {
    @Test
    void theItemIsCutFromTheFullPictureAtTheWorkingWhiteLevel() {
        // a 1-pixel checkerboard item: the shrunk copy averages it to a flat mid-tone, the full picture keeps it
        ColourPicture full = Pictures.of(400, 300, (x, y) -> x >= 100 && x < 300 && y >= 50 && y < 250
                ? ((x + y) % 2 == 0 ? new float[] {20, 20, 20} : new float[] {120, 120, 120})
                : new float[] {220, 220, 220});
        ColourPicture work = full.shrunkToFit(200);
        ItemSegmenter.Segmentation item = ItemSegmenter.segment(work, "checks");
        GrayPicture cut = FullResolutionItem.cut(full, work, item);
        assertTrue(cut.width() >= 200 && cut.width() <= 206, "the item's box and a margin: " + cut.width());
        float dark = 0;
        float light = Float.MAX_VALUE;
        for (int y = 60; y < 70; y++) {
            for (int dx = 0; dx < 2; dx++) {
                float v = cut.value(cut.width() / 2 + dx, cut.height() / 2 + y - 65);
                dark = Math.max(dark, v);
                light = Math.min(light, v);
            }
        }
        // the working copy's white is the averaged difference 150: the darker checks (200) clip at 255, the lighter
        // ones (100) come out at 170; averaged away, both would be 255
        assertEquals(255, dark, 1, "the darker checks differ from the backdrop most");
        assertEquals(170, light, 3, "the lighter checks keep their own level");
        assertEquals(0, cut.value(0, 0), "outside the item is black");
    }
}
