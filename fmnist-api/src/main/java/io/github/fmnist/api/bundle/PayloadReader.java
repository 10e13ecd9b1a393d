package io.github.fmnist.api.bundle;

import io.github.fmnist.api.BundleFormatException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a payload entry written by {@link PayloadWriter}, and can only turn it into numbers: no class is named,
 * loaded or instantiated, and every count is checked against the caller's maximum and against the bytes left
 * before anything is allocated, so the work and memory of reading are bounded by the entry's size. Every
 * failure is a {@link BundleFormatException} naming the bundle, the entry, the offset, and what was expected
 * versus found.
 *
 * <pre>{@code
 * PayloadReader in = PayloadReader.of(bundle, "model.bin");
 * in.header("logreg", 1);
 * int rows = in.count("weight rows", 100);
 * double[] w = in.finiteDoubles("weights", rows * 785);
 * in.requireEnd();
 * }</pre>
 *
 * Not thread-safe.
 */
public final class PayloadReader {
    /**
     * The largest magnitude a stored real number may have. No trained fmnist model comes near it; the bound keeps
     * every sum a model computes from stored numbers and pixels finite (a finite but huge value would overflow a
     * k-NN distance or a linear layer to infinity, and a prediction to NaN).
     */
    public static final double MAX_MAGNITUDE = 1e15;
    static final int MAGIC = 0x464D4E50; // "FMNP"
    static final String FORMAT_NAME = "[A-Za-z0-9-]{1,32}";

    private final ByteBuffer in;
    private final String source;
    private final String entry;

    /** A reader over {@code content}; {@code source} (the bundle) and {@code entry} name it in errors. */
    public PayloadReader(byte[] content, String source, String entry) {
        this.in = ByteBuffer.wrap(content); // big-endian, as DataOutput writes
        this.source = source;
        this.entry = entry;
    }

    /** A reader over payload entry {@code entry} of a verified bundle (no copy is made). */
    public static PayloadReader of(ModelBundle bundle, String entry) {
        return new PayloadReader(bundle.content(entry), bundle.path().toString(), entry);
    }

    /**
     * Reads the header and checks the magic number and the format name.
     *
     * @return the format version, checked to lie in {@code [1, maxVersion]}
     */
    public int header(String format, int maxVersion) {
        long at = in.position();
        int magic = intAt("the magic number");
        if (magic != MAGIC) {
            throw fail(at, "expected the magic number 0x" + Integer.toHexString(MAGIC) + " (FMNP), found 0x"
                    + Integer.toHexString(magic) + "; this is not an fmnist binary payload");
        }
        at = in.position();
        int length = Short.toUnsignedInt(shortAt("the format name length"));
        if (length > 32 || length > in.remaining()) {
            throw fail(at, "expected a format name of at most 32 bytes, found a length of " + length);
        }
        byte[] name = new byte[length];
        in.get(name);
        String found;
        try {
            found = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            throw fail(at, "expected format name '" + format + "', found bytes that are not UTF-8");
        }
        if (!found.equals(format)) {
            throw fail(at, "expected format '" + format + "', found '" + found + "'");
        }
        at = in.position();
        int version = intAt("the format version");
        if (version < 1 || version > maxVersion) {
            throw fail(at, "expected format '" + format + "' version 1 to " + maxVersion + ", found version " + version);
        }
        return version;
    }

    /**
     * A count in {@code [0, max]} of items that take at least {@code bytesPerItem} bytes each, checked against the
     * bytes left in the entry.
     */
    public int count(String what, int max, int bytesPerItem) {
        long at = in.position();
        int n = intAt(what);
        if (n < 0 || n > max) {
            throw fail(at, "expected " + what + " from 0 to " + max + ", found " + n);
        }
        if ((long) n * bytesPerItem > in.remaining()) {
            throw fail(at, what + " " + n + " needs at least " + (long) n * bytesPerItem + " bytes, but only "
                    + in.remaining() + " are left");
        }
        return n;
    }

    /** One int in {@code [min, max]}. */
    public int intValue(String what, int min, int max) {
        long at = in.position();
        int v = intAt(what);
        if (v < min || v > max) {
            throw fail(at, "expected " + what + " from " + min + " to " + max + ", found " + v);
        }
        return v;
    }

    /** One byte in {@code [min, max]}. */
    public int byteValue(String what, int min, int max) {
        long at = in.position();
        if (in.remaining() < 1) {
            throw fail(at, "expected " + what + " (1 byte), found the end of the entry");
        }
        int v = in.get();
        if (v < min || v > max) {
            throw fail(at, "expected " + what + " from " + min + " to " + max + ", found " + v);
        }
        return v;
    }

    /** One finite double. */
    public double finiteDouble(String what) {
        long at = in.position();
        require(8, what, at);
        double v = in.getDouble();
        if (!(Math.abs(v) <= MAX_MAGNITUDE)) {
            throw fail(at, "expected a finite " + what + " within ±" + MAX_MAGNITUDE + ", found " + v);
        }
        return v;
    }

    /** {@code n} finite doubles. */
    public double[] finiteDoubles(String what, int n) {
        long at = in.position();
        require((long) n * Double.BYTES, what, at);
        double[] v = new double[n];
        in.asDoubleBuffer().get(v);
        in.position(in.position() + n * Double.BYTES);
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(v[i]) <= MAX_MAGNITUDE)) {
                throw fail(at + (long) i * Double.BYTES, "expected finite " + what + " within ±" + MAX_MAGNITUDE + ", found " + v[i]);
            }
        }
        return v;
    }

    /** {@code n} finite floats. */
    public float[] finiteFloats(String what, int n) {
        long at = in.position();
        require((long) n * Float.BYTES, what, at);
        float[] v = new float[n];
        in.asFloatBuffer().get(v);
        in.position(in.position() + n * Float.BYTES);
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(v[i]) <= MAX_MAGNITUDE)) {
                throw fail(at + (long) i * Float.BYTES, "expected finite " + what + " within ±" + MAX_MAGNITUDE + ", found " + v[i]);
            }
        }
        return v;
    }

    /** {@code n} ints, each in {@code [min, max]}. */
    public int[] ints(String what, int n, int min, int max) {
        long at = in.position();
        require((long) n * Integer.BYTES, what, at);
        int[] v = new int[n];
        in.asIntBuffer().get(v);
        in.position(in.position() + n * Integer.BYTES);
        for (int i = 0; i < n; i++) {
            if (v[i] < min || v[i] > max) {
                throw fail(at + (long) i * Integer.BYTES, "expected " + what + " from " + min + " to " + max + ", found " + v[i]);
            }
        }
        return v;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return in.remaining();
    }

    /** The current offset in the entry. */
    public long offset() {
        return in.position();
    }

    /** Checks that the whole entry has been read. */
    public void requireEnd() {
        if (in.hasRemaining()) {
            throw fail(in.position(), "expected the end of the entry, found " + in.remaining() + " more bytes");
        }
    }

    /** A format error at {@code offset} of this entry, for checks the caller makes on the numbers it read. */
    public BundleFormatException fail(long offset, String problem) {
        return new BundleFormatException(source, entry, offset, problem);
    }

    private void require(long bytes, String what, long at) {
        if (bytes > in.remaining()) {
            throw fail(at, "expected " + bytes + " bytes of " + what + ", found " + in.remaining());
        }
    }

    private int intAt(String what) {
        try {
            return in.getInt();
        } catch (BufferUnderflowException e) {
            throw fail(in.position(), "expected " + what + " (4 bytes), found " + in.remaining());
        }
    }

    private short shortAt(String what) {
        try {
            return in.getShort();
        } catch (BufferUnderflowException e) {
            throw fail(in.position(), "expected " + what + " (2 bytes), found " + in.remaining());
        }
    }
}
