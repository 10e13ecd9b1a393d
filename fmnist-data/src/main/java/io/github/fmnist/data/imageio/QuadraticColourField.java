package io.github.fmnist.data.imageio;

/**
 * A smooth colour field: per channel {@code c0 + c1·u + c2·v + c3·u² + c4·u·v + c5·v²}, with u and v the pixel
 * position scaled to [-1, 1]. A quadratic follows an illumination gradient or a vignette across a backdrop without
 * bending into the item, which covers the middle of the picture where no sample was taken.
 */
final class QuadraticColourField {
    static final int TERMS = 6;
    /** Keeps the normal equations solvable when the samples hardly vary in one direction (a thin picture). */
    private static final double RIDGE = 1e-6;

    private final double[][] coefficients;
    private final double uScale;
    private final double vScale;

    private QuadraticColourField(double[][] coefficients, int width, int height) {
        this.coefficients = coefficients;
        this.uScale = width > 1 ? 2.0 / (width - 1) : 0;
        this.vScale = height > 1 ? 2.0 / (height - 1) : 0;
    }

    /**
     * The least-squares field through the pixels {@code indices[0..count)} of {@code picture}.
     *
     * @throws IllegalArgumentException if {@code count} is zero
     */
    static QuadraticColourField fit(ColourPicture picture, int[] indices, int count) {
        if (count == 0) {
            throw new IllegalArgumentException("no samples");
        }
        int width = picture.width();
        QuadraticColourField shape = new QuadraticColourField(new double[3][TERMS], width, picture.height());
        double[][] normal = new double[TERMS][TERMS];
        double[][] right = new double[3][TERMS];
        double[] basis = new double[TERMS];
        for (int s = 0; s < count; s++) {
            int i = indices[s];
            shape.basis(i % width, i / width, basis);
            double red = picture.red(i);
            double green = picture.green(i);
            double blue = picture.blue(i);
            for (int a = 0; a < TERMS; a++) {
                for (int b = a; b < TERMS; b++) {
                    normal[a][b] += basis[a] * basis[b];
                }
                right[0][a] += basis[a] * red;
                right[1][a] += basis[a] * green;
                right[2][a] += basis[a] * blue;
            }
        }
        for (int a = 0; a < TERMS; a++) {
            for (int b = 0; b < a; b++) {
                normal[a][b] = normal[b][a];
            }
            if (a > 0) {
                normal[a][a] += RIDGE * count;
            }
        }
        double[][] coefficients = new double[3][];
        for (int c = 0; c < 3; c++) {
            coefficients[c] = solve(normal, right[c]);
        }
        return new QuadraticColourField(coefficients, width, picture.height());
    }

    private void basis(int x, int y, double[] out) {
        double u = x * uScale - 1;
        double v = y * vScale - 1;
        out[0] = 1;
        out[1] = u;
        out[2] = v;
        out[3] = u * u;
        out[4] = u * v;
        out[5] = v * v;
    }

    /** The field's red, green and blue at pixel (x, y), into {@code out[0..3)}; x and y may be fractional. */
    void colour(double x, double y, float[] out) {
        double u = x * uScale - 1;
        double v = y * vScale - 1;
        for (int c = 0; c < 3; c++) {
            double[] k = coefficients[c];
            out[c] = (float) (k[0] + k[1] * u + k[2] * v + k[3] * u * u + k[4] * u * v + k[5] * v * v);
        }
    }

    /** The field's red, green and blue along row {@code y}, into {@code red}, {@code green}, {@code blue}. */
    void row(int y, int width, float[] red, float[] green, float[] blue) {
        double v = y * vScale - 1;
        float[][] out = {red, green, blue};
        for (int c = 0; c < 3; c++) {
            double[] k = coefficients[c];
            double constant = k[0] + k[2] * v + k[5] * v * v;
            double linear = k[1] + k[4] * v;
            double square = k[3];
            float[] o = out[c];
            for (int x = 0; x < width; x++) {
                double u = x * uScale - 1;
                o[x] = (float) (constant + (linear + square * u) * u);
            }
        }
    }

    /** Gaussian elimination with partial pivoting on a copy of the system. */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        double[] b = rhs.clone();
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double tb = b[col];
            b[col] = b[pivot];
            b[pivot] = tb;
            if (Math.abs(a[col][col]) < 1e-12) {
                continue;
            }
            for (int row = col + 1; row < n; row++) {
                double f = a[row][col] / a[col][col];
                for (int k = col; k < n; k++) {
                    a[row][k] -= f * a[col][k];
                }
                b[row] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = b[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = Math.abs(a[row][row]) < 1e-12 ? 0 : sum / a[row][row];
        }
        return x;
    }
}
