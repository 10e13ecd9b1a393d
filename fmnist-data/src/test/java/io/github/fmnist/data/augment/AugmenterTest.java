package io.github.fmnist.data.augment;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.data.SyntheticData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmenterTest {
    private final ImageBatch batch = SyntheticData.dataset(64, 0).images();
    private final Augmenter full = Augmenter.builder().shift(3).horizontalFlip(0.5).randomErasing(0.5, 0.02, 0.3)
            .build();

    @Test
    void sameSeedGivesTheSameBatchAndOtherSeedsDiffer() {
        ImageBatch a = full.apply(batch, 11L);
        assertEquals(a, full.apply(batch, 11L));
        assertNotEquals(a, full.apply(batch, 12L));
        assertNotEquals(batch, a);
    }

    @Test
    void noneLeavesImagesUnchanged() {
        assertEquals(batch, Augmenter.none().apply(batch, 5L));
    }

    @Test
    void shiftMovesTheImageAndFillsWithBlack() {
        Augmenter shift = Augmenter.builder().shift(2).build();
        byte[] source = opaqueImage();
        Set<String> offsets = new HashSet<>();
        SplittableRandom random = new SplittableRandom(3L);
        for (int trial = 0; trial < 60; trial++) {
            byte[] target = new byte[Image.PIXELS];
            shift.apply(source, target, random);
            offsets.add(findShift(source, target, 2));
        }
        assertTrue(offsets.size() > 10, "several of the 25 offsets occur: " + offsets);
    }

    @Test
    void flipMirrorsEachRow() {
        Augmenter flip = Augmenter.builder().horizontalFlip(1.0).build();
        byte[] source = opaqueImage();
        byte[] target = new byte[Image.PIXELS];
        flip.apply(source, target, new SplittableRandom(1L));
        for (int row = 0; row < 28; row++) {
            for (int col = 0; col < 28; col++) {
                assertEquals(source[row * 28 + col], target[row * 28 + 27 - col]);
            }
        }
    }

    @Test
    void erasingOverwritesOneRectangleOfTheRequestedArea() {
        Augmenter erase = Augmenter.builder().randomErasing(1.0, 0.1, 0.1).build();
        byte[] source = new byte[Image.PIXELS];
        Arrays.fill(source, (byte) 7);
        for (long seed = 0; seed < 20; seed++) {
            byte[] target = source.clone();
            erase.apply(target, target, new SplittableRandom(seed));
            int minRow = 28;
            int maxRow = -1;
            int minCol = 28;
            int maxCol = -1;
            int changed = 0;
            for (int p = 0; p < Image.PIXELS; p++) {
                if (target[p] != 7) {
                    changed++;
                    minRow = Math.min(minRow, p / 28);
                    maxRow = Math.max(maxRow, p / 28);
                    minCol = Math.min(minCol, p % 28);
                    maxCol = Math.max(maxCol, p % 28);
                }
            }
            int box = (maxRow - minRow + 1) * (maxCol - minCol + 1);
            assertTrue(box >= 60 && box <= 100, "area near 78.4 pixels, found " + box);
            assertTrue(changed >= box - 3, "the rectangle is filled with random values (a few may equal 7)");
        }
    }

    @Test
    void sourceAndTargetMayBeTheSameArray() {
        byte[] source = opaqueImage();
        byte[] separate = new byte[Image.PIXELS];
        full.apply(source, separate, new SplittableRandom(9L));
        byte[] inPlace = source.clone();
        full.apply(inPlace, inPlace, new SplittableRandom(9L));
        assertArrayEquals(separate, inPlace);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(InvalidInputException.class, () -> Augmenter.builder().shift(28));
        assertThrows(InvalidInputException.class, () -> Augmenter.builder().horizontalFlip(1.5));
        assertThrows(InvalidInputException.class, () -> Augmenter.builder().randomErasing(0.5, 0.3, 0.2));
        assertThrows(InvalidInputException.class, () -> Augmenter.builder().randomErasing(0.5, 0, 0.2));
        assertThrows(InvalidInputException.class,
                () -> full.apply(new byte[10], new byte[Image.PIXELS], new SplittableRandom(1L)));
    }

    private static byte[] opaqueImage() {
        byte[] image = new byte[Image.PIXELS];
        for (int p = 0; p < Image.PIXELS; p++) {
            image[p] = (byte) (1 + (p * 37) % 250);
        }
        return image;
    }

    /** The (dx, dy) for which target is source moved by (dx, dy) with black fill; fails if there is none. */
    private static String findShift(byte[] source, byte[] target, int max) {
        for (int dy = -max; dy <= max; dy++) {
            for (int dx = -max; dx <= max; dx++) {
                if (isShift(source, target, dx, dy)) {
                    return dx + "," + dy;
                }
            }
        }
        throw new AssertionError("output is not a shifted copy of the input");
    }

    private static boolean isShift(byte[] source, byte[] target, int dx, int dy) {
        for (int row = 0; row < 28; row++) {
            for (int col = 0; col < 28; col++) {
                int r = row - dy;
                int c = col - dx;
                byte expected = r >= 0 && r < 28 && c >= 0 && c < 28 ? source[r * 28 + c] : 0;
                if (target[row * 28 + col] != expected) {
                    return false;
                }
            }
        }
        return true;
    }
}
