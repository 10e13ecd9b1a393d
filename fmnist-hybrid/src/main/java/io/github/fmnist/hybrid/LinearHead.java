package io.github.fmnist.hybrid;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.IncompatibleModelException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The trained head as plain numbers: standardisation {@code (f − mean) / std} of the network's features, then
 * logits {@code z = W x + b} and their softmax. Smile fits it (multinomial logistic regression); predicting needs
 * no Smile, and the bundle stores numbers, not serialised objects. Immutable, so thread-safe.
 *
 * @param mean    per feature
 * @param std     per feature, positive
 * @param weights {@code features × 10}, row-major (row = feature)
 * @param bias    ten values
 */
record LinearHead(double[] mean, double[] std, double[] weights, double[] bias) {
    private static final int MAGIC = 0x464d4c48; // "FMLH"
    private static final int FORMAT = 1;
    /** No network of fmnist has more; a header claiming more is refused before anything is allocated. */
    static final int MAX_FEATURES = 1 << 16;

    LinearHead {
        if (std.length != mean.length || weights.length != mean.length * FashionClass.COUNT || bias.length != FashionClass.COUNT) {
            throw new IllegalArgumentException("head sizes do not fit: " + mean.length + " means, " + std.length + " stds, "
                    + weights.length + " weights, " + bias.length + " biases");
        }
    }

    int featureCount() {
        return mean.length;
    }

    /** Probabilities for one image's features. */
    float[] probabilities(float[] features) {
        double[] z = bias.clone();
        for (int j = 0; j < mean.length; j++) {
            double x = (features[j] - mean[j]) / std[j];
            int row = j * FashionClass.COUNT;
            for (int c = 0; c < FashionClass.COUNT; c++) {
                z[c] += x * weights[row + c];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double total = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            total += z[c];
        }
        float[] p = new float[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = (float) (z[c] / total);
        }
        return p;
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(mean.length);
            for (double[] values : new double[][] {mean, std, weights, bias}) {
                for (double v : values) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param source names the bundle entry in messages
     * @throws IncompatibleModelException naming the source, offset, expected and found value if the entry is not a
     *         head of this format, has a size other than its header says, or holds a non-finite or non-positive std
     */
    static LinearHead read(InputStream in, long length, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            int magic = data.readInt();
            if (magic != MAGIC) {
                throw bad(source, 0, "magic 0x" + Integer.toHexString(MAGIC), "0x" + Integer.toHexString(magic));
            }
            int format = data.readInt();
            if (format != FORMAT) {
                throw bad(source, 4, "format " + FORMAT, Integer.toString(format));
            }
            int p = data.readInt();
            if (p < 1 || p > MAX_FEATURES) {
                throw bad(source, 8, "a feature count in [1, " + MAX_FEATURES + "]", Integer.toString(p));
            }
            long expected = 12L + 8L * (2L * p + (long) p * FashionClass.COUNT + FashionClass.COUNT);
            if (length != expected) {
                throw bad(source, 12, expected + " bytes for " + p + " features", length + " bytes");
            }
            double[] mean = doubles(data, p);
            double[] std = doubles(data, p);
            double[] weights = doubles(data, p * FashionClass.COUNT);
            double[] bias = doubles(data, FashionClass.COUNT);
            for (int j = 0; j < p; j++) {
                if (!(std[j] > 0) || !Double.isFinite(std[j]) || !Double.isFinite(mean[j])) {
                    throw bad(source, 12 + 8L * (p + j), "a positive finite std for feature " + j, Double.toString(std[j]));
                }
            }
            return new LinearHead(mean, std, weights, bias);
        } catch (EOFException e) {
            throw new IncompatibleModelException(source + ": head ends early", e);
        }
    }

    private static double[] doubles(DataInputStream data, int n) throws IOException {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = data.readDouble();
        }
        return out;
    }

    private static IncompatibleModelException bad(String source, long offset, String expected, String found) {
        return new IncompatibleModelException(source + " at offset " + offset + ": expected " + expected + ", found " + found);
    }
}
