package io.github.fmnist.data.split;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;

import java.util.Arrays;

/**
 * Draws a class-balanced subset, reproducibly from a seed: handy for quick runs and tests.
 *
 * <p>Each class gets {@code size / 10} examples (the first {@code size % 10} classes one more); a class with
 * too few examples gives all it has and the others make up the difference. The subset keeps the original
 * example order.
 *
 * <pre>{@code
 * LabeledDataset small = StratifiedSample.sample(data.train(), 2_000, 7L);   // 200 per class
 * }</pre>
 */
public final class StratifiedSample {
    private StratifiedSample() {
    }

    /**
     * @param size number of examples wanted, 0..data.size()
     * @throws InvalidInputException if {@code size} is negative or larger than the dataset
     */
    public static LabeledDataset sample(LabeledDataset data, int size, long seed) {
        if (size < 0 || size > data.size()) {
            throw new InvalidInputException("sample size must be in 0.." + data.size() + ", found " + size);
        }
        int[] quota = balancedQuota(data.classCounts(), size);
        int[][] shuffled = ClassIndices.shuffledByClass(data, seed);
        int[][] chosen = new int[FashionClass.COUNT][];
        for (int c = 0; c < FashionClass.COUNT; c++) {
            chosen[c] = Arrays.copyOf(shuffled[c], quota[c]);
        }
        LabeledDataset sample = data.select(ClassIndices.sortedUnion(chosen));
        return sample.withOrigin(data.origin().describedAs("class-balanced sample (seed " + seed + ") of " + sample.size()
                + " of " + data.origin().description()));
    }

    /** Spreads {@code size} over the classes as evenly as their sizes allow (water filling). */
    static int[] balancedQuota(int[] available, int size) {
        int[] quota = new int[available.length];
        int remaining = size;
        while (remaining > 0) {
            int open = 0;
            for (int c = 0; c < available.length; c++) {
                if (quota[c] < available[c]) {
                    open++;
                }
            }
            int share = Math.max(1, remaining / open);
            for (int c = 0; c < available.length && remaining > 0; c++) {
                int add = Math.min(Math.min(share, available[c] - quota[c]), remaining);
                quota[c] += add;
                remaining -= add;
            }
        }
        return quota;
    }
}
