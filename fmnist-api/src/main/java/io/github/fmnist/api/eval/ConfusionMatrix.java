package io.github.fmnist.api.eval;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs: {@code count(t, p)} examples of class {@code t} were
 * predicted as {@code p}. Rows are true classes, columns predictions, both in label order.
 *
 * @param counts a 10×10 matrix (copied)
 */
public record ConfusionMatrix(int[][] counts) {
    public ConfusionMatrix {
        if (counts.length != FashionClass.COUNT) {
            throw new InvalidInputException("a confusion matrix needs 10 rows, found " + counts.length);
        }
        int[][] copy = new int[FashionClass.COUNT][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != FashionClass.COUNT) {
                throw new InvalidInputException("confusion matrix row " + i + " needs 10 columns, found " + counts[i].length);
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** The matrix for paired true and predicted labels. */
    public static ConfusionMatrix of(int[] trueLabels, int[] predictedLabels) {
        if (trueLabels.length != predictedLabels.length) {
            throw new InvalidInputException(trueLabels.length + " true labels but " + predictedLabels.length + " predictions");
        }
        int[][] counts = new int[FashionClass.COUNT][FashionClass.COUNT];
        for (int i = 0; i < trueLabels.length; i++) {
            counts[FashionClass.of(trueLabels[i]).label()][FashionClass.of(predictedLabels[i]).label()]++;
        }
        return new ConfusionMatrix(counts);
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[FashionClass.COUNT][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Examples of class {@code actual} predicted as {@code predicted}. */
    public int count(FashionClass actual, FashionClass predicted) {
        return counts[actual.label()][predicted.label()];
    }

    /** Examples whose true class is {@code actual}. */
    public int support(FashionClass actual) {
        return Arrays.stream(counts[actual.label()]).sum();
    }

    /** Examples predicted as {@code predicted}. */
    public int predictedCount(FashionClass predicted) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[predicted.label()];
        }
        return sum;
    }

    /** All examples. */
    public int total() {
        return Arrays.stream(counts).flatMapToInt(Arrays::stream).sum();
    }

    /** Examples on the diagonal. */
    public int correct() {
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
