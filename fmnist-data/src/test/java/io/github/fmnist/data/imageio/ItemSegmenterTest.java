package io.github.fmnist.data.imageio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemSegmenterTest {
    /** A 200×150 scene: gradient wall, table from row 100, a red item, its shadow, and a prop in the corner. */
    private static float[] scene(int x, int y) {
        boolean slit = x >= 100 && x < 103 && y >= 50 && y < 110; // a gap in the item, over its own shadow
        if (x >= 80 && x < 130 && y >= 40 && y < 120 && !slit) {
            return new float[] {190, 40, 40};
        }
        if (x >= 10 && x < 30 && y >= 110 && y < 135) {
            return new float[] {40, 120, 60};
        }
        float light = 235 - 0.2f * x;
        float[] backdrop = y >= 100 ? new float[] {185, 150, 110} : new float[] {light, light, light - 5};
        if (slit || x >= 85 && x < 135 && y >= 45 && y < 125) { // the item's soft shadow, 5 pixels right and down
            float s = slit ? 0.75f : 0.75f + 0.04f * (Math.max(x - 129, y - 119) - 1);
            return new float[] {backdrop[0] * s, backdrop[1] * s, backdrop[2] * s};
        }
        return backdrop;
    }

    @Test
    void theItemIsFoundWithoutTableShadowOrProp() {
        ColourPicture picture = Pictures.of(200, 150, ItemSegmenterTest::scene);
        ItemSegmenter.Segmentation found = ItemSegmenter.segment(picture, "scene");
        BinaryMask truth = Pictures.rectangle(200, 150, 80, 40, 130, 120);
        assertEquals(0, found.difference().value(101, 80), "the shadow seen through the gap is black");
        double iou = Pictures.iou(found.item(), truth);
        assertTrue(iou > 0.97, "IoU with the item " + iou + "\n" + Pictures.rows(found.item()));
        assertTrue(found.background().edge().isPresent(), "the table edge is modelled");
        assertTrue(found.difference().value(105, 80) > 230, "the item is near white");
        assertEquals(0, found.difference().value(20, 120), "the prop is black");
        assertEquals(0, found.difference().value(132, 80), "the shadow is black");
        assertEquals(0, found.difference().value(100, 122), "below the item too");
    }

    @Test
    void lightOnDarkAndDarkOnLightGiveTheSameMask() {
        ColourPicture dark = Pictures.of(100, 100, (x, y) -> x >= 30 && x < 60 && y >= 20 && y < 80
                ? new float[] {230, 230, 230} : new float[] {15, 15, 15});
        ColourPicture light = Pictures.of(100, 100, (x, y) -> x >= 30 && x < 60 && y >= 20 && y < 80
                ? new float[] {15, 15, 15} : new float[] {230, 230, 230});
        BinaryMask truth = Pictures.rectangle(100, 100, 30, 20, 60, 80);
        assertEquals(1.0, Pictures.iou(ItemSegmenter.segment(dark, "dark").item(), truth), 1e-9);
        assertEquals(1.0, Pictures.iou(ItemSegmenter.segment(light, "light").item(), truth), 1e-9);
    }

    @Test
    void aBlankPictureIsNoItemNamingTheSource() {
        ColourPicture blank = Pictures.of(64, 48, (x, y) -> new float[] {200, 200, 200 + (x % 2)});
        NoItemFoundException e = assertThrows(NoItemFoundException.class,
                () -> ItemSegmenter.segment(blank, "blank.png"));
        assertTrue(e.getMessage().startsWith("blank.png: no item"), e.getMessage());
    }
}
