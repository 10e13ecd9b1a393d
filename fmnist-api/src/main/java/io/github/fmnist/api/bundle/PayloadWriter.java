package io.github.fmnist.api.bundle;

import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a payload entry in the explicit binary form {@link PayloadReader} reads back: a header (the magic
 * {@code FMNP}, the format's name and version), then big-endian numbers. Counts are written before the values
 * they count, so the reader can check each one against a maximum and the bytes left before allocating.
 *
 * <pre>{@code
 * try (PayloadWriter out = new PayloadWriter(sink.entry("model.bin"), "logreg", 1)) {
 *     out.count(weights.length);
 *     out.doubles(weights);
 * }
 * }</pre>
 */
public final class PayloadWriter implements Closeable {
    private final DataOutputStream out;

    /** Starts an entry of format {@code format} (letters, digits, '-', at most 32), version {@code version}. */
    public PayloadWriter(OutputStream entry, String format, int version) throws IOException {
        if (!format.matches(PayloadReader.FORMAT_NAME) || version < 1) {
            throw new IllegalArgumentException("format name must match " + PayloadReader.FORMAT_NAME
                    + " and version be positive: " + format + " " + version);
        }
        this.out = new DataOutputStream(entry);
        out.writeInt(PayloadReader.MAGIC);
        out.writeUTF(format);
        out.writeInt(version);
    }

    /** A non-negative count of what follows. */
    public void count(int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        out.writeInt(n);
    }

    /** One int. */
    public void intValue(int v) throws IOException {
        out.writeInt(v);
    }

    /** One byte, e.g. a kind tag. */
    public void byteValue(int v) throws IOException {
        out.writeByte(v);
    }

    /** One double. */
    public void doubleValue(double v) throws IOException {
        out.writeDouble(v);
    }

    /** The values of {@code v}, without their count. */
    public void doubles(double[] v) throws IOException {
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    /** The values of {@code v}, without their count. */
    public void floats(float[] v) throws IOException {
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    /** The values of {@code v}, without their count. */
    public void ints(int[] v) throws IOException {
        for (int i : v) {
            out.writeInt(i);
        }
    }

    /** Finishes the entry (closes the stream it was given). */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
