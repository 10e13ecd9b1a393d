package io.github.fmnist.data;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Small deterministic datasets and raw IDX bytes for tests. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** {@code n} distinct images whose pixels depend on index and position; label of example i is (i * 7 + offset) % 10. */
    public static LabeledDataset dataset(int n, int labelOffset) {
        byte[] pixels = new byte[n * Image.PIXELS];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7 + labelOffset) % 10;
            for (int p = 0; p < Image.PIXELS; p++) {
                pixels[i * Image.PIXELS + p] = (byte) (i * 31 + p * 3 + labels[i]);
            }
            // the first two pixels spell the index, so every image is distinct
            pixels[i * Image.PIXELS] = (byte) i;
            pixels[i * Image.PIXELS + 1] = (byte) (i >> 8);
        }
        return LabeledDataset.of(ImageBatch.ofPixels(pixels), labels);
    }

    /** The bytes of an IDX image file with the given header fields and {@code payloadBytes} pixel bytes. */
    public static byte[] imageFile(int magic, int count, int rows, int cols, int payloadBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + payloadBytes);
        buffer.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < payloadBytes; i++) {
            buffer.put((byte) i);
        }
        return buffer.array();
    }

    /** The bytes of an IDX label file with the given header fields and labels. */
    public static byte[] labelFile(int magic, int count, byte... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(magic).putInt(count).put(labels);
        return buffer.array();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
