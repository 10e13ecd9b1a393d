package io.github.fmnist.data.batch;

import io.github.fmnist.api.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Shuffled mini-batch indices, reproducible from a seed and an epoch number: the same {@code (seed, epoch)}
 * always gives the same batches, different epochs give independent orders.
 *
 * <pre>{@code
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     for (int[] batch : MiniBatches.shuffled(train.size(), 64, seed, epoch)) {
 *         LabeledDataset b = train.select(batch);
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class MiniBatches {
    private MiniBatches() {
    }

    /**
     * A random permutation of {@code 0..datasetSize-1} cut into batches of {@code batchSize}; the last batch
     * holds the remainder and may be shorter.
     *
     * @throws InvalidInputException if {@code datasetSize < 0}, {@code batchSize < 1} or {@code epoch < 0}
     */
    public static List<int[]> shuffled(int datasetSize, int batchSize, long seed, int epoch) {
        if (datasetSize < 0) {
            throw new InvalidInputException("dataset size must not be negative, found " + datasetSize);
        }
        if (batchSize < 1) {
            throw new InvalidInputException("batch size must be at least 1, found " + batchSize);
        }
        if (epoch < 0) {
            throw new InvalidInputException("epoch must not be negative, found " + epoch);
        }
        int[] order = new int[datasetSize];
        for (int i = 0; i < datasetSize; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(epochSeed(seed, epoch));
        for (int i = datasetSize - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> batches = new ArrayList<>((datasetSize + batchSize - 1) / batchSize);
        for (int from = 0; from < datasetSize; from += batchSize) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(datasetSize, from + batchSize)));
        }
        return batches;
    }

    /** SplitMix64 finaliser over seed and epoch, so neighbouring epochs get unrelated streams. */
    static long epochSeed(long seed, int epoch) {
        long z = seed + (epoch + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
