package io.github.fmnist.explain.faithfulness;

import java.util.Arrays;

/**
 * The target probability as ever more of the most relevant pixels are removed.
 *
 * @param probabilities probability after removing fraction {@code s / steps} of the pixels, for
 *                      {@code s = 0..steps} ({@code steps + 1} values, the first is the untouched image)
 * @param auc           area under that curve over the removed fraction [0, 1] (trapezoidal rule); lower means
 *                      the map found the pixels the classifier relies on
 */
public record DeletionCurve(float[] probabilities, double auc) {
    public DeletionCurve {
        probabilities = probabilities.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeletionCurve other && Arrays.equals(probabilities, other.probabilities)
                && Double.compare(auc, other.auc) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(probabilities) + Double.hashCode(auc);
    }

    @Override
    public String toString() {
        return "DeletionCurve[auc=" + auc + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
