package io.github.fmnist.api.eval;

/**
 * Precision, recall and F1 averaged over the classes.
 *
 * @param support number of examples averaged over
 */
public record AverageMetrics(double precision, double recall, double f1, int support) {
}
