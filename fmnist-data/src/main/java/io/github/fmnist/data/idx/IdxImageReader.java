package io.github.fmnist.data.idx;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Reads IDX image files ({@code idx3-ubyte}: magic {@code 0x00000803}, count, 28 rows, 28 columns, pixels),
 * raw or gzip-compressed (detected from the content, not the file name).
 *
 * <p>Every check happens before large allocations: the count in the header is compared with the file size
 * (or, for gzip, with what the compressed size can expand to). Problems raise {@link CorruptDataException}
 * naming the file, the byte offset (in the uncompressed data) and expected versus found values.
 *
 * <pre>{@code
 * ImageBatch train = IdxImageReader.read(Path.of("train-images-idx3-ubyte.gz"));
 * }</pre>
 */
public final class IdxImageReader {
    /** Magic number of an IDX file of unsigned bytes with three dimensions. */
    public static final int MAGIC = 0x00000803;
    static final IdxStreams.Layout LAYOUT =
            new IdxStreams.Layout(MAGIC, "images", 16, Image.PIXELS, new int[] {Image.SIDE, Image.SIDE});

    private IdxImageReader() {
    }

    /**
     * Reads all images of a file.
     *
     * @throws CorruptDataException if the content is not a valid 28×28 IDX image file
     * @throws io.github.fmnist.api.InvalidInputException if the file does not exist
     * @throws java.io.UncheckedIOException on an I/O error
     */
    public static ImageBatch read(Path file) {
        return read(file, null);
    }

    /**
     * Reads all images of a file and feeds the uncompressed bytes (header included) into {@code digest}, so
     * that a checksum can be verified without reading the file twice.
     *
     * @param digest receives the uncompressed content; may be {@code null}
     */
    public static ImageBatch read(Path file, MessageDigest digest) {
        return ImageBatch.ofPixels(IdxStreams.read(file, LAYOUT, digest).payload());
    }

    /**
     * Reads all images from an uncompressed IDX stream (wrap it in a {@code GZIPInputStream} first if needed).
     * The stream is not closed.
     *
     * @param sourceName the name used in error messages
     */
    public static ImageBatch read(InputStream in, String sourceName) {
        return ImageBatch.ofPixels(IdxStreams.read(in, sourceName, LAYOUT, null, Long.MAX_VALUE, false).payload());
    }
}
