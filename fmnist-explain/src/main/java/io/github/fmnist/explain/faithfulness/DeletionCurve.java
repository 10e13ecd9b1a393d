package io.github.fmnist.explain.faithfulness;

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
}
