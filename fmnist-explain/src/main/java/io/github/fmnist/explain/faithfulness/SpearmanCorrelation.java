package io.github.fmnist.explain.faithfulness;

import io.github.fmnist.api.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Spearman's rank correlation with average ranks for ties, as used to compare relevance maps. */
public final class SpearmanCorrelation {

    private SpearmanCorrelation() {
    }

    /**
     * The Pearson correlation of the ranks of {@code a} and {@code b}, in [−1, 1]; {@code NaN} if either
     * is constant (its ranks have no variance, e.g. an all-zero map).
     *
     * @throws InvalidInputException if the lengths differ or are below 2
     */
    public static double of(float[] a, float[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new InvalidInputException("rank correlation needs two series of equal length ≥ 2, found "
                    + a.length + " and " + b.length);
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double mean = (a.length + 1) / 2.0;
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < a.length; i++) {
            double da = ra[i] - mean;
            double db = rb[i] - mean;
            covariance += da * db;
            varianceA += da * da;
            varianceB += db * db;
        }
        if (varianceA == 0 || varianceB == 0) {
            return Double.NaN;
        }
        return covariance / Math.sqrt(varianceA * varianceB);
    }

    /** Ranks 1..n, ties sharing the mean of the ranks they span. */
    static double[] ranks(float[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
