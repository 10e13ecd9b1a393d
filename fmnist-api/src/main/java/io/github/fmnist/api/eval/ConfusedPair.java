package io.github.fmnist.api.eval;

import io.github.fmnist.api.FashionClass;

/**
 * One off-diagonal cell of a confusion matrix, such as Shirt predicted as T-shirt/top.
 *
 * @param actual     the true class
 * @param predicted  the class it was mistaken for
 * @param count      how many examples
 * @param rateOfTrue {@code count} as a fraction of {@code actual}'s support
 */
public record ConfusedPair(FashionClass actual, FashionClass predicted, int count, double rateOfTrue) {
    @Override
    public String toString() {
        return actual + " → " + predicted + ": " + count;
    }
}
