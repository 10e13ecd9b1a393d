package io.github.fmnist.dl;

import java.nio.FloatBuffer;

/**
 * Per-channel mean and biased variance of an NCHW float activation, read as {@code images × channels} contiguous
 * rows of {@code rowLength} values. One pass, sums in double precision (so the difference E[x²] − E[x]² loses
 * nothing that matters in float), four independent accumulators per sum so the loop is not bound by the latency of
 * one addition chain. The summation order is fixed: the same input gives the same bits.
 */
final class RowStatistics {
    private RowStatistics() {
    }

    static void combine(FloatBuffer values, int base, int images, int channels, int rowLength, float[] means,
            float[] variances) {
        double[] sums = new double[channels];
        double[] squares = new double[channels];
        for (int n = 0; n < images; n++) {
            for (int c = 0; c < channels; c++) {
                int start = base + (n * channels + c) * rowLength;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double q0 = 0;
                double q1 = 0;
                double q2 = 0;
                double q3 = 0;
                int i = 0;
                for (; i + 3 < rowLength; i += 4) {
                    double a = values.get(start + i);
                    double b = values.get(start + i + 1);
                    double d = values.get(start + i + 2);
                    double e = values.get(start + i + 3);
                    s0 += a;
                    s1 += b;
                    s2 += d;
                    s3 += e;
                    q0 += a * a;
                    q1 += b * b;
                    q2 += d * d;
                    q3 += e * e;
                }
                for (; i < rowLength; i++) {
                    double a = values.get(start + i);
                    s0 += a;
                    q0 += a * a;
                }
                sums[c] += (s0 + s1) + (s2 + s3);
                squares[c] += (q0 + q1) + (q2 + q3);
            }
        }
        double count = (double) images * rowLength;
        for (int c = 0; c < channels; c++) {
            double mean = sums[c] / count;
            means[c] = (float) mean;
            variances[c] = (float) Math.max(0, squares[c] / count - mean * mean);
        }
    }
}
