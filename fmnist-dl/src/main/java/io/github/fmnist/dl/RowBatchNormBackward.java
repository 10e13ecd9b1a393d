package io.github.fmnist.dl;

import java.nio.FloatBuffer;

/**
 * The training-mode batch-normalisation backward pass of an NCHW float activation, read as
 * {@code images × channels} contiguous rows of {@code rowLength} values, with the batch's own mean and biased
 * variance. For each channel, with {@code M} values, {@code s = 1/√(var + ε)}, {@code g} the error at the output:
 * <pre>
 * dβ = Σ g        dγ = s · Σ g·(x − μ)
 * dx = γ·s · (g − Σg / M − (x − μ) · s² · Σ g·(x − μ) / M)
 * </pre>
 * Two passes: the sums (in double, in a fixed order, so the same input gives the same bits), then {@code dx}.
 * Deeplearning4j M2.1's {@code batchnorm_bp} runs oneDNN's backward pass and then adds the mean and variance
 * terms with eight generic libnd4j broadcasts and reductions over the whole activation; that was a quarter of the
 * default cnn's training CPU.
 */
final class RowBatchNormBackward {
    private final float[] rowX;
    private final float[] rowError;
    private final float[] rowOut;

    /** Scratch rows for activations of up to {@code rowLength} values per (image, channel). */
    RowBatchNormBackward(int rowLength) {
        rowX = new float[rowLength];
        rowError = new float[rowLength];
        rowOut = new float[rowLength];
    }

    int rowLength() {
        return rowX.length;
    }

    /**
     * Writes {@code dx} and the per-channel {@code dGamma}, {@code dBeta}; {@code x}, {@code error} and {@code dx}
     * start at their bases and hold {@code images · mean.length} rows of {@link #rowLength()} values each.
     */
    void backward(FloatBuffer x, int xBase, FloatBuffer error, int errorBase, FloatBuffer dx, int dxBase, int images,
            float[] mean, float[] variance, float[] gamma, double eps, float[] dGamma, float[] dBeta) {
        int channels = mean.length;
        int length = rowX.length;
        double[] errorSums = new double[channels];
        double[] centredProducts = new double[channels];
        for (int n = 0; n < images; n++) {
            for (int c = 0; c < channels; c++) {
                int row = (n * channels + c) * length;
                x.get(xBase + row, rowX);
                error.get(errorBase + row, rowError);
                double mu = mean[c];
                double e0 = 0;
                double e1 = 0;
                double p0 = 0;
                double p1 = 0;
                int i = 0;
                for (; i + 1 < length; i += 2) {
                    double g0 = rowError[i];
                    double g1 = rowError[i + 1];
                    e0 += g0;
                    e1 += g1;
                    p0 += g0 * (rowX[i] - mu);
                    p1 += g1 * (rowX[i + 1] - mu);
                }
                if (i < length) {
                    double g0 = rowError[i];
                    e0 += g0;
                    p0 += g0 * (rowX[i] - mu);
                }
                errorSums[c] += e0 + e1;
                centredProducts[c] += p0 + p1;
            }
        }
        double count = (double) images * length;
        float[] errorScale = new float[channels];
        float[] inputScale = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = 1 / Math.sqrt(variance[c] + eps);
            double a = gamma[c] * s;
            double b = -a * s * s * centredProducts[c] / count;
            dBeta[c] = (float) errorSums[c];
            dGamma[c] = (float) (s * centredProducts[c]);
            errorScale[c] = (float) a;
            inputScale[c] = (float) b;
            offset[c] = (float) (-a * errorSums[c] / count - b * mean[c]);
        }
        for (int n = 0; n < images; n++) {
            for (int c = 0; c < channels; c++) {
                int row = (n * channels + c) * length;
                x.get(xBase + row, rowX);
                error.get(errorBase + row, rowError);
                float a = errorScale[c];
                float b = inputScale[c];
                float d = offset[c];
                for (int i = 0; i < length; i++) {
                    rowOut[i] = a * rowError[i] + (b * rowX[i] + d);
                }
                dx.put(dxBase + row, rowOut);
            }
        }
    }
}
