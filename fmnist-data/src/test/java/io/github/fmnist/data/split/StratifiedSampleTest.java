package io.github.fmnist.data.split;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.SyntheticData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StratifiedSampleTest {
    private final LabeledDataset data = SyntheticData.dataset(1_000, 0);

    @Test
    void sampleIsBalancedAndReproducible() {
        LabeledDataset sample = StratifiedSample.sample(data, 55, 3L);
        assertArrayEquals(new int[] {6, 6, 6, 6, 6, 5, 5, 5, 5, 5}, sample.classCounts());
        assertEquals(sample, StratifiedSample.sample(data, 55, 3L));
        assertNotEquals(sample, StratifiedSample.sample(data, 55, 4L));
    }

    @Test
    void scarceClassesGiveAllTheyHaveAndOthersMakeUpTheDifference() {
        assertArrayEquals(new int[] {2, 5, 5, 4, 4}, StratifiedSample.balancedQuota(new int[] {2, 9, 9, 9, 9}, 20));
        assertArrayEquals(new int[] {1, 9, 0}, StratifiedSample.balancedQuota(new int[] {1, 20, 0}, 10));
    }

    @Test
    void sizeOutsideTheDatasetIsRejected() {
        assertThrows(InvalidInputException.class, () -> StratifiedSample.sample(data, 1_001, 1L));
        assertThrows(InvalidInputException.class, () -> StratifiedSample.sample(data, -1, 1L));
        assertEquals(data, StratifiedSample.sample(data, 1_000, 1L));
    }
}
