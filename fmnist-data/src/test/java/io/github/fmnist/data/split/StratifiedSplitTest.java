package io.github.fmnist.data.split;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.SyntheticData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StratifiedSplitTest {
    private final LabeledDataset data = SyntheticData.dataset(1_000, 0);

    @Test
    void sameSeedGivesTheSameSplitAndOtherSeedsDiffer() {
        TrainValidationSplit a = StratifiedSplit.split(data, 0.2, 42L);
        TrainValidationSplit b = StratifiedSplit.split(data, 0.2, 42L);
        TrainValidationSplit c = StratifiedSplit.split(data, 0.2, 43L);
        assertEquals(a, b);
        assertNotEquals(a.validation(), c.validation());
    }

    @Test
    void everyClassKeepsItsShareAndNothingIsLostOrDuplicated() {
        TrainValidationSplit split = StratifiedSplit.split(data, 0.2, 7L);
        assertEquals(800, split.train().size());
        assertEquals(200, split.validation().size());
        int[] all = data.classCounts();
        int[] validation = split.validation().classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(all[c] * 0.2, validation[c], 0.0, "class " + c);
        }
        Set<Integer> seen = new HashSet<>();
        for (LabeledDataset part : new LabeledDataset[] {split.train(), split.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                assertTrue(seen.add(Arrays.hashCode(part.images().get(i).pixels())), "example appears once");
            }
        }
        assertEquals(1_000, seen.size());
    }

    @Test
    void unevenClassesStillGiveTheRoundedTotal() {
        LabeledDataset uneven = SyntheticData.dataset(1_000, 0).slice(0, 337);
        TrainValidationSplit split = StratifiedSplit.split(uneven, 0.15, 1L);
        assertEquals(Math.round(337 * 0.15), split.validation().size());
        int[] counts = uneven.classCounts();
        int[] validation = split.validation().classCounts();
        for (int c = 0; c < 10; c++) {
            assertTrue(Math.abs(validation[c] - counts[c] * 0.15) < 1.0, "class " + c + ": " + validation[c]);
        }
    }

    @Test
    void validationCountsUseLargestRemainders() {
        assertArrayEquals(new int[] {1, 1, 0}, StratifiedSplit.validationCounts(new int[] {5, 5, 1}, 0.2));
        assertArrayEquals(new int[] {2, 1, 0}, StratifiedSplit.validationCounts(new int[] {7, 3, 1}, 0.25));
    }

    @Test
    void zeroFractionKeepsEverythingForTraining() {
        TrainValidationSplit split = StratifiedSplit.split(data, 0.0, 1L);
        assertEquals(data, split.train());
        assertTrue(split.validation().isEmpty());
    }

    @Test
    void fractionOutsideTheRangeIsRejected() {
        assertThrows(InvalidInputException.class, () -> StratifiedSplit.split(data, 1.0, 1L));
        assertThrows(InvalidInputException.class, () -> StratifiedSplit.split(data, -0.1, 1L));
        assertThrows(InvalidInputException.class, () -> StratifiedSplit.split(data, Double.NaN, 1L));
    }

    @Test
    void aHoldoutByCountTakesExactlyThatManyImagesSpreadOverTheClasses() {
        TrainValidationSplit split = StratifiedSplit.split(data, Holdout.images(123), 5L);
        assertEquals(123, split.validation().size());
        assertEquals(877, split.train().size());
        int[] validation = split.validation().classCounts();
        for (int c = 0; c < 10; c++) {
            assertTrue(Math.abs(validation[c] - 12.3) < 1.0, "class " + c + ": " + validation[c]);
        }
    }

    @Test
    void aHoldoutByFractionIsTheOldSplitExactly() {
        assertEquals(StratifiedSplit.split(data, 0.15, 9L), StratifiedSplit.split(data, Holdout.fraction(0.15), 9L));
    }

    @Test
    void aHoldoutOfEveryImageIsRefusedWithTheNumbers() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> StratifiedSplit.split(data, Holdout.images(1_000), 1L));
        assertEquals("cannot hold out 1000 validation images of a dataset of 1000; at most 999", e.getMessage());
        assertThrows(InvalidInputException.class, () -> Holdout.images(-1));
    }

    @Test
    void bothPartsSayHowTheyWereDrawn() {
        LabeledDataset described = data.withOrigin(new io.github.fmnist.api.DataOrigin(java.util.Map.of("f", "1"), "pool"));
        TrainValidationSplit split = StratifiedSplit.split(described, 0.1, 42L);
        assertEquals("900 train of stratified split (seed 42) of pool", split.train().origin().description());
        assertEquals("100 validation of stratified split (seed 42) of pool", split.validation().origin().description());
        assertEquals(java.util.Map.of("f", "1"), split.train().origin().sha256());
    }
}
