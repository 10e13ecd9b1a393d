package io.github.fmnist.api.eval;

import io.github.fmnist.api.FashionClass;

/**
 * Precision, recall and F1 of one class (0 where undefined, as scikit-learn reports with zero_division=0).
 *
 * @param support number of examples of the class
 */
public record ClassMetrics(FashionClass fashionClass, double precision, double recall, double f1, int support) {
}
