package io.github.fmnist.classic;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;

/**
 * Per-pixel standardisation {@code (x − mean) / std} with statistics from the training images. Standard
 * deviations are floored at {@link #MIN_STD} (a twentieth of the pixel range) so that border pixels that are
 * almost always black cannot turn a faint test pixel into a huge feature. Immutable and thread-safe.
 */
final class PixelStandardizer {
    static final double MIN_STD = 0.05;
    /** The format name of {@code scaling.bin}. */
    static final String FORMAT = "fmnist-standardizer";

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

    /** Writes the pixel count, the means, then the standard deviations. */
    void write(PayloadWriter out) throws IOException {
        out.count(mean.length);
        out.doubles(mean);
        out.doubles(std);
    }

    /**
     * Reads a standardisation written by {@link #write} (after the header) for {@code inputs} pixels.
     *
     * @throws io.github.fmnist.api.BundleFormatException if the numbers do not form one
     */
    static PixelStandardizer read(PayloadReader in, int inputs) {
        long at = in.offset();
        int p = in.intValue("standardised pixels", 1, Image.PIXELS);
        if (p != inputs) {
            throw in.fail(at, "expected " + inputs + " standardised pixels, found " + p);
        }
        double[] mean = in.finiteDoubles("pixel means", p);
        long stdAt = in.offset();
        double[] std = in.finiteDoubles("pixel standard deviations", p);
        for (int j = 0; j < p; j++) {
            if (!(std[j] > 0)) {
                throw in.fail(stdAt + 8L * j, "expected a positive standard deviation, found " + std[j]);
            }
        }
        in.requireEnd();
        return new PixelStandardizer(mean, std);
    }

    /** The standardisation as the 1.x bundles stored it: row 0 the means, row 1 the standard deviations. */
    double[][] toMatrix() {
        return new double[][] {mean.clone(), std.clone()};
    }

    /** Rebuilds a standardisation stored in a 1.x bundle: row 0 the means, row 1 the standard deviations. */
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
