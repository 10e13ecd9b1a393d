package io.github.fmnist.data.idx;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes images and labels as IDX files, gzip-compressed when the target name ends with {@code .gz}. Files are
 * written to a temporary file next to the target and moved into place atomically, so a reader never sees a
 * half-written file.
 *
 * <pre>{@code
 * IdxWriter.writeImages(data.images(), dir.resolve("my-images-idx3-ubyte.gz"));
 * IdxWriter.writeLabels(data.labels(), dir.resolve("my-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes an IDX image file (magic 0x00000803, count, 28, 28, pixels). */
    public static void writeImages(ImageBatch images, Path target) {
        byte[] header = new byte[16];
        putInt(header, 0, IdxImageReader.MAGIC);
        putInt(header, 4, images.size());
        putInt(header, 8, Image.SIDE);
        putInt(header, 12, Image.SIDE);
        write(target, header, images.pixels());
    }

    /**
     * Writes an IDX label file (magic 0x00000801, count, labels).
     *
     * @throws InvalidInputException if a label is outside 0..9
     */
    public static void writeLabels(int[] labels, Path target) {
        byte[] header = new byte[8];
        putInt(header, 0, IdxLabelReader.MAGIC);
        putInt(header, 4, labels.length);
        byte[] payload = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            payload[i] = (byte) FashionClass.of(labels[i]).label();
        }
        write(target, header, payload);
    }

    private static void write(Path target, byte[] header, byte[] payload) {
        boolean gzip = target.getFileName().toString().endsWith(".gz");
        try {
            AtomicFile.write(target, file -> {
                OutputStream out = gzip ? new GZIPOutputStream(file, IdxStreams.BUFFER_SIZE)
                        : new BufferedOutputStream(file, IdxStreams.BUFFER_SIZE);
                out.write(header);
                out.write(payload);
                out.close();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
