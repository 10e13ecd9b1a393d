package io.github.fmnist.classic;

import io.github.fmnist.api.IncompatibleModelException;

/**
 * Per-pixel standardisation {@code (x − mean) / std} with statistics from the training images. Standard
 * deviations are floored at {@link #MIN_STD} (a twentieth of the pixel range) so that border pixels that are
 * almost always black cannot turn a faint test pixel into a huge feature. Immutable and thread-safe.
 */
final class PixelStandardizer {
    static final double MIN_STD = 0.05;

    private final double[] mean;
    private final double[] std;

    private PixelStandardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    static PixelStandardizer fit(double[][] rows) {
        int p = rows[0].length;
        double[] mean = new double[p];
        double[] std = new double[p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= rows.length;
        }
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            std[j] = Math.max(MIN_STD, Math.sqrt(std[j] / rows.length));
        }
        return new PixelStandardizer(mean, std);
    }

    double[] apply(double[] x) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = (x[j] - mean[j]) / std[j];
        }
        return y;
    }

    /** Standardises every row in place. */
    void applyInPlace(double[][] rows) {
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (row[j] - mean[j]) / std[j];
            }
        }
    }

    float[] meanAsFloats() {
        return toFloats(mean);
    }

    float[] stdAsFloats() {
        return toFloats(std);
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Row 0 the means, row 1 the standard deviations. */
    double[][] toMatrix() {
        return new double[][] {mean.clone(), std.clone()};
    }

    static PixelStandardizer fromMatrix(double[][] m, int inputs, String source) {
        if (m.length != 2 || m[0] == null || m[1] == null || m[0].length != inputs || m[1].length != inputs) {
            throw new IncompatibleModelException(source + ": standardisation should be 2 rows of " + inputs + " values");
        }
        for (double s : m[1]) {
            if (!(s > 0)) {
                throw new IncompatibleModelException(source + ": standard deviation " + s + " is not positive");
            }
        }
        return new PixelStandardizer(m[0].clone(), m[1].clone());
    }
}
