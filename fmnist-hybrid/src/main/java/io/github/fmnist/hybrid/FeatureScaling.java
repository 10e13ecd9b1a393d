package io.github.fmnist.hybrid;

/**
 * Per-feature standardisation {@code (x − mean) / std} fitted on the training features. A feature that is constant
 * on the training set (a ReLU channel that never fires) gets std {@value #MIN_STD}, so it maps to 0, not to NaN.
 */
final class FeatureScaling {
    static final double MIN_STD = 1e-3;

    private FeatureScaling() {
    }

    /** {@code {mean, std}} of each column. */
    static double[][] fit(double[][] x) {
        int p = x[0].length;
        double[] mean = new double[p];
        double[] std = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= x.length;
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            std[j] = Math.max(MIN_STD, Math.sqrt(std[j] / x.length));
        }
        return new double[][] {mean, std};
    }

    static double[] apply(double[][] scaling, double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - scaling[0][j]) / scaling[1][j];
        }
        return out;
    }

    static double[][] apply(double[][] scaling, double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(scaling, rows[i]);
        }
        return out;
    }
}
