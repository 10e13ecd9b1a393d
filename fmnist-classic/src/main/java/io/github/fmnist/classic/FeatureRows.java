package io.github.fmnist.classic;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;

/**
 * A set of feature vectors of one length (k-NN reference rows, SVM support vectors) in a payload: the row count,
 * the length, a precision byte, then the values row by row. Rows of raw pixels hold float values widened to double,
 * so they are stored as floats (4 bytes, exactly); PCA features as doubles.
 */
final class FeatureRows {
    /** Most rows a payload may hold: Fashion-MNIST's 70,000 images several times over. */
    static final int MAX_ROWS = 1_000_000;
    private static final int FLOAT = 4;
    private static final int DOUBLE = 8;

    private FeatureRows() {
    }

    static void write(PayloadWriter out, double[][] rows, int length) throws IOException {
        out.count(rows.length);
        out.count(length);
        boolean floats = allFloats(rows);
        out.byteValue(floats ? FLOAT : DOUBLE);
        for (double[] row : rows) {
            if (row.length != length) {
                throw new IllegalStateException("feature row of " + row.length + " values among rows of " + length);
            }
            if (floats) {
                float[] f = new float[length];
                for (int j = 0; j < length; j++) {
                    f[j] = (float) row[j];
                }
                out.floats(f);
            } else {
                out.doubles(row);
            }
        }
    }

    /** Rows written by {@link #write}, each of {@code length} values (checked). */
    static double[][] read(PayloadReader in, String what, int length) {
        long at = in.offset();
        int n = in.count(what, MAX_ROWS, 0);
        int found = in.intValue(what + " length", 1, Image.PIXELS);
        if (found != length) {
            throw in.fail(at + 4, "expected " + what + " of " + length + " features, found " + found);
        }
        int precision = in.byteValue(what + " precision (4 or 8 bytes)", FLOAT, DOUBLE);
        if (precision != FLOAT && precision != DOUBLE) {
            throw in.fail(in.offset() - 1, "expected " + what + " precision 4 or 8, found " + precision);
        }
        if ((long) n * length * precision > in.remaining()) {
            throw in.fail(at, what + ": " + n + " rows of " + length + " need " + (long) n * length * precision
                    + " bytes, but only " + in.remaining() + " are left");
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            if (precision == DOUBLE) {
                rows[i] = in.finiteDoubles(what, length);
            } else {
                float[] f = in.finiteFloats(what, length);
                double[] row = new double[length];
                for (int j = 0; j < length; j++) {
                    row[j] = f[j];
                }
                rows[i] = row;
            }
        }
        return rows;
    }

    private static boolean allFloats(double[][] rows) {
        for (double[] row : rows) {
            for (double v : row) {
                if ((double) (float) v != v) {
                    return false;
                }
            }
        }
        return true;
    }
}
