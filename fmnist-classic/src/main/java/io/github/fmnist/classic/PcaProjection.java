package io.github.fmnist.classic;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import java.util.stream.IntStream;
import smile.feature.extraction.PCA;
import smile.tensor.DenseMatrix;

/**
 * A principal-component projection fitted once on training features: {@code y = C (x − μ)}, with the
 * top {@code k} eigenvectors of the covariance as the rows of {@code C}. Fitting uses Smile's PCA (an SVD
 * through LAPACK); applying it is plain Java, so a loaded model predicts without OpenBLAS. Immutable and
 * thread-safe.
 */
final class PcaProjection {
    /** The format name of {@code pca.bin}. */
    static final String FORMAT = "fmnist-pca";

    private final double[] mean;
    private final double[][] components;

    private PcaProjection(double[] mean, double[][] components) {
        this.mean = mean;
        this.components = components;
    }

    /** Fits the top {@code k} components of {@code rows} (each a feature vector of the same length). */
    static PcaProjection fit(double[][] rows, int k) {
        int p = rows[0].length;
        if (k < 1 || k > p) {
            throw new IllegalArgumentException("PCA components must be in [1, " + p + "], found " + k);
        }
        OpenBlas.require("PCA");
        PCA pca;
        try {
            pca = PCA.fit(rows).getProjection(k);
        } catch (LinkageError e) {
            throw OpenBlas.translate(e, "PCA").orElseThrow(() -> e);
        }
        DenseMatrix projection = pca.projection;
        double[] mean = new double[p];
        var center = pca.center();
        for (int j = 0; j < p; j++) {
            mean[j] = center.get(j);
        }
        double[][] components = new double[k][p];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < p; j++) {
                components[i][j] = projection.get(i, j);
            }
        }
        return new PcaProjection(mean, components);
    }

    /** Number of output features. */
    int components() {
        return components.length;
    }

    /** Number of input features. */
    int inputs() {
        return mean.length;
    }

    /** The projection of one feature vector. */
    double[] apply(double[] x) {
        double[] centred = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            centred[j] = x[j] - mean[j];
        }
        double[] y = new double[components.length];
        for (int i = 0; i < components.length; i++) {
            double[] c = components[i];
            double s = 0;
            for (int j = 0; j < c.length; j++) {
                s += c[j] * centred[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** The projection of many rows, in parallel (each row independently, so the result does not depend on threads). */
    double[][] applyAll(double[][] rows) {
        double[][] out = new double[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(i -> out[i] = apply(rows[i]));
        return out;
    }

    /** Writes the input count, the component count, the mean, then the components row by row. */
    void write(PayloadWriter out) throws IOException {
        out.count(mean.length);
        out.count(components.length);
        out.doubles(mean);
        for (double[] c : components) {
            out.doubles(c);
        }
    }

    /**
     * Reads a projection written by {@link #write} (after the header) for {@code inputs} input features.
     *
     * @throws io.github.fmnist.api.BundleFormatException if the numbers do not form such a projection
     */
    static PcaProjection read(PayloadReader in, int inputs) {
        long at = in.offset();
        int p = in.intValue("PCA inputs", 1, Image.PIXELS);
        if (p != inputs) {
            throw in.fail(at, "expected a PCA of " + inputs + " inputs, found " + p);
        }
        int k = in.count("PCA components", p, (p + 1) * Double.BYTES);
        if (k < 1) {
            throw in.fail(at + 4, "expected at least one PCA component, found 0");
        }
        double[] mean = in.finiteDoubles("PCA mean", p);
        double[][] components = new double[k][];
        for (int i = 0; i < k; i++) {
            components[i] = in.finiteDoubles("PCA component " + i, p);
        }
        in.requireEnd();
        return new PcaProjection(mean, components);
    }

    /** The projection as a matrix: row 0 is the mean, rows 1..k the components (the 1.x bundles' form). */
    double[][] toMatrix() {
        double[][] m = new double[components.length + 1][];
        m[0] = mean.clone();
        for (int i = 0; i < components.length; i++) {
            m[i + 1] = components[i].clone();
        }
        return m;
    }

    /**
     * Rebuilds a projection stored by {@link #toMatrix()} in a 1.x bundle.
     *
     * @throws IncompatibleModelException if the matrix is not a mean plus components of {@code inputs} values each
     */
    static PcaProjection fromMatrix(double[][] m, int inputs, String source) {
        if (m.length < 2) {
            throw new IncompatibleModelException(source + ": PCA matrix needs a mean row and at least one component, found "
                    + m.length + " rows");
        }
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null || m[i].length != inputs) {
                throw new IncompatibleModelException(source + ": PCA row " + i + " should hold " + inputs + " values, found "
                        + (m[i] == null ? "none" : m[i].length));
            }
        }
        double[][] components = new double[m.length - 1][];
        for (int i = 1; i < m.length; i++) {
            components[i - 1] = m[i].clone();
        }
        return new PcaProjection(m[0].clone(), components);
    }
}
