package io.github.fmnist.data.batch;

import io.github.fmnist.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MiniBatchesTest {
    @Test
    void batchesCoverEveryIndexOnceAndTheLastMayBeShort() {
        List<int[]> batches = MiniBatches.shuffled(103, 10, 5L, 0);
        assertEquals(11, batches.size());
        assertEquals(3, batches.get(10).length);
        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expected = new int[103];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, all);
    }

    @Test
    void sameSeedAndEpochRepeatDifferentEpochsAndSeedsDiffer() {
        int[] a = flatten(MiniBatches.shuffled(500, 32, 9L, 3));
        assertArrayEquals(a, flatten(MiniBatches.shuffled(500, 32, 9L, 3)));
        assertFalse(Arrays.equals(a, flatten(MiniBatches.shuffled(500, 32, 9L, 4))));
        assertFalse(Arrays.equals(a, flatten(MiniBatches.shuffled(500, 32, 10L, 3))));
        int[] identity = new int[500];
        Arrays.setAll(identity, i -> i);
        assertFalse(Arrays.equals(identity, a), "shuffled");
    }

    @Test
    void neighbouringEpochsAreNotShiftedCopiesOfEachOther() {
        int[] e0 = flatten(MiniBatches.shuffled(1000, 1000, 0L, 0));
        int[] e1 = flatten(MiniBatches.shuffled(1000, 1000, 0L, 1));
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            same += e0[i] == e1[i] ? 1 : 0;
        }
        assertEquals(0, same, 5, "about one position in common by chance");
    }

    @Test
    void emptyDatasetGivesNoBatchesAndBadArgumentsAreRejected() {
        assertEquals(0, MiniBatches.shuffled(0, 8, 1L, 0).size());
        assertThrows(InvalidInputException.class, () -> MiniBatches.shuffled(10, 0, 1L, 0));
        assertThrows(InvalidInputException.class, () -> MiniBatches.shuffled(-1, 4, 1L, 0));
        assertThrows(InvalidInputException.class, () -> MiniBatches.shuffled(10, 4, 1L, -1));
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
