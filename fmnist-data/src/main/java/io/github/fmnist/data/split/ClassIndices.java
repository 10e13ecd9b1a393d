package io.github.fmnist.data.split;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.LabeledDataset;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Example indices grouped by class, each group shuffled reproducibly. */
final class ClassIndices {
    private ClassIndices() {
    }

    /** For each label, the indices of its examples in a seeded random order. */
    static int[][] shuffledByClass(LabeledDataset data, long seed) {
        int[] counts = data.classCounts();
        int[][] byClass = new int[FashionClass.COUNT][];
        for (int c = 0; c < byClass.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] fill = new int[FashionClass.COUNT];
        for (int i = 0; i < data.size(); i++) {
            int c = data.label(i);
            byClass[c][fill[c]++] = i;
        }
        for (int c = 0; c < byClass.length; c++) {
            // one independent stream per class, so a class's order does not depend on the other classes
            shuffle(byClass[c], new SplittableRandom(mix(seed, c)));
        }
        return byClass;
    }

    static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** Concatenates the chosen indices and sorts them, so the subset keeps the original example order. */
    static int[] sortedUnion(int[][] parts) {
        int[] all = Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    /** A well-mixed seed for stream {@code stream} derived from {@code seed} (SplitMix64 finaliser). */
    static long mix(long seed, long stream) {
        long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
