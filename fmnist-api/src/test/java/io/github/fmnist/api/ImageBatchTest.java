package io.github.fmnist.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageBatchTest {
    private static Image filled(int value) {
        byte[] p = new byte[Image.PIXELS];
        java.util.Arrays.fill(p, (byte) value);
        return Image.of(p);
    }

    @Test
    void normalizesBytesToUnitIntervalInNchwOrder() {
        byte[] p = new byte[Image.PIXELS];
        p[0] = (byte) 255;
        p[783] = (byte) 51;
        ImageBatch batch = ImageBatch.of(List.of(filled(0), Image.of(p)));
        float[] x = batch.toNormalizedNchw();
        assertEquals(2 * Image.PIXELS, x.length);
        assertEquals(1f, x[Image.PIXELS], 0f);
        assertEquals(0.2f, x[2 * Image.PIXELS - 1], 1e-7f);
        assertEquals(0f, x[0], 0f);
    }

    @Test
    void selectAndSliceKeepOrder() {
        ImageBatch batch = ImageBatch.of(List.of(filled(1), filled(2), filled(3)));
        assertEquals(filled(3), batch.select(new int[] {2, 0}).get(0));
        assertEquals(filled(1), batch.select(new int[] {2, 0}).get(1));
        assertEquals(List.of(filled(2), filled(3)), batch.slice(1, 3).stream().toList());
    }

    @Test
    void rejectsWrongSizes() {
        assertThrows(InvalidInputException.class, () -> Image.of(new byte[783]));
        assertThrows(InvalidInputException.class, () -> ImageBatch.ofPixels(new byte[785]));
        assertThrows(InvalidInputException.class, () -> LabeledDataset.of(ImageBatch.of(filled(0)), new int[] {1, 2}));
        assertThrows(InvalidInputException.class, () -> LabeledDataset.of(ImageBatch.of(filled(0)), new int[] {10}));
    }

    @Test
    void imagesAreImmutable() {
        byte[] p = new byte[Image.PIXELS];
        Image image = Image.of(p);
        p[0] = 7;
        image.pixels()[1] = 9;
        assertArrayEquals(new byte[Image.PIXELS], image.pixels());
    }

    @Test
    void fromNormalizedRoundsAndClamps() {
        float[] v = new float[Image.PIXELS];
        v[0] = 2f;
        v[1] = -1f;
        v[2] = 0.5f;
        Image image = Image.fromNormalized(v);
        assertEquals(255, image.pixel(0, 0));
        assertEquals(0, image.pixel(0, 1));
        assertEquals(128, image.pixel(0, 2));
    }

    @Test
    void datasetCountsClasses() {
        LabeledDataset data = LabeledDataset.of(ImageBatch.of(List.of(filled(0), filled(1), filled(2))), new int[] {9, 9, 0});
        int[] counts = data.classCounts();
        assertEquals(2, counts[9]);
        assertEquals(1, counts[0]);
        assertEquals(FashionClass.ANKLE_BOOT, data.fashionClass(0));
        assertEquals("Ankle boot", FashionClass.of(9).displayName());
        assertEquals("T-shirt/top", FashionClass.of(0).displayName());
    }
}
