package io.github.fmnist.data.idx;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.FashionClass;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Reads IDX label files ({@code idx1-ubyte}: magic {@code 0x00000801}, count, one byte per label), raw or
 * gzip-compressed, and checks that every label is a Fashion-MNIST class (0..9).
 *
 * <pre>{@code
 * int[] labels = IdxLabelReader.read(Path.of("train-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class IdxLabelReader {
    /** Magic number of an IDX file of unsigned bytes with one dimension. */
    public static final int MAGIC = 0x00000801;
    static final IdxStreams.Layout LAYOUT = new IdxStreams.Layout(MAGIC, "labels", 8, 1, new int[0]);

    private IdxLabelReader() {
    }

    /**
     * Reads all labels of a file.
     *
     * @throws CorruptDataException if the content is not a valid IDX label file or a label is outside 0..9
     * @throws io.github.fmnist.api.InvalidInputException if the file does not exist
     * @throws java.io.UncheckedIOException on an I/O error
     */
    public static int[] read(Path file) {
        return read(file, null);
    }

    /**
     * Reads all labels and feeds the uncompressed bytes (header included) into {@code digest}.
     *
     * @param digest receives the uncompressed content; may be {@code null}
     */
    public static int[] read(Path file, MessageDigest digest) {
        return toLabels(IdxStreams.read(file, LAYOUT, digest).payload(), file.toString());
    }

    /** Reads all labels from an uncompressed IDX stream, which is not closed. */
    public static int[] read(InputStream in, String sourceName) {
        return toLabels(IdxStreams.read(in, sourceName, LAYOUT, null, Long.MAX_VALUE, false).payload(), sourceName);
    }

    private static int[] toLabels(byte[] payload, String source) {
        int[] labels = new int[payload.length];
        for (int i = 0; i < payload.length; i++) {
            int label = payload[i] & 0xFF;
            if (label >= FashionClass.COUNT) {
                throw new CorruptDataException(source, LAYOUT.headerLength() + (long) i, "label " + i
                        + " out of range: expected 0.." + (FashionClass.COUNT - 1) + ", found " + label);
            }
            labels[i] = label;
        }
        return labels;
    }
}
