package io.github.fmnist.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An ordered batch of 28×28 images held compactly as bytes (the 60,000 training images take 47 MB).
 * Float views in the NCHW layout ({@code [n, 1, 28, 28]}, values in [0, 1]) are produced on demand.
 * Immutable; safe to share between threads.
 *
 * <pre>{@code
 * ImageBatch batch = ImageBatch.of(List.of(img1, img2));
 * float[] nchw = batch.toNormalizedNchw();   // 2 × 784 floats
 * }</pre>
 */
public final class ImageBatch {
    private static final ImageBatch EMPTY = new ImageBatch(new byte[0], 0);

    private final byte[] pixels;
    private final int size;

    private ImageBatch(byte[] pixels, int size) {
        this.pixels = pixels;
        this.size = size;
    }

    /** A batch with no images. */
    public static ImageBatch empty() {
        return EMPTY;
    }

    /** A batch of the given images, in order. */
    public static ImageBatch of(List<Image> images) {
        byte[] pixels = new byte[Math.multiplyExact(images.size(), Image.PIXELS)];
        for (int i = 0; i < images.size(); i++) {
            byte[] p = Objects.requireNonNull(images.get(i), "image " + i).pixels();
            System.arraycopy(p, 0, pixels, i * Image.PIXELS, Image.PIXELS);
        }
        return new ImageBatch(pixels, images.size());
    }

    /** A batch of one image. */
    public static ImageBatch of(Image image) {
        return of(List.of(image));
    }

    /**
     * A batch from concatenated row-major images (copied), 784 bytes each.
     *
     * @throws InvalidInputException if the length is not a multiple of 784
     */
    public static ImageBatch ofPixels(byte[] pixels) {
        if (pixels.length % Image.PIXELS != 0) {
            throw new InvalidInputException("pixel array length " + pixels.length + " is not a multiple of " + Image.PIXELS);
        }
        return new ImageBatch(pixels.clone(), pixels.length / Image.PIXELS);
    }

    /** Number of images. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The image at {@code index}. */
    public Image get(int index) {
        Objects.checkIndex(index, size);
        return Image.adopt(Arrays.copyOfRange(pixels, index * Image.PIXELS, (index + 1) * Image.PIXELS));
    }

    /** Pixel {@code p} (0..783, row-major) of image {@code index}, 0..255. */
    public int pixel(int index, int p) {
        Objects.checkIndex(index, size);
        Objects.checkIndex(p, Image.PIXELS);
        return pixels[index * Image.PIXELS + p] & 0xFF;
    }

    /** Copies image {@code index}'s 784 bytes into {@code target} at {@code offset}. */
    public void copyPixels(int index, byte[] target, int offset) {
        Objects.checkIndex(index, size);
        System.arraycopy(pixels, index * Image.PIXELS, target, offset, Image.PIXELS);
    }

    /** Writes image {@code index} scaled to [0, 1] into {@code target} at {@code offset}. */
    public void writeNormalized(int index, float[] target, int offset) {
        Objects.checkIndex(index, size);
        Pixels.normalize(pixels, index * Image.PIXELS, target, offset, Image.PIXELS);
    }

    /** All images scaled to [0, 1], NCHW order ({@code n × 1 × 28 × 28}), as one flat array. */
    public float[] toNormalizedNchw() {
        float[] out = new float[Math.multiplyExact(size, Image.PIXELS)];
        Pixels.normalize(pixels, 0, out, 0, out.length);
        return out;
    }

    /** The images at the given indices, in that order (indices may repeat). */
    public ImageBatch select(int[] indices) {
        byte[] out = new byte[Math.multiplyExact(indices.length, Image.PIXELS)];
        for (int i = 0; i < indices.length; i++) {
            Objects.checkIndex(indices[i], size);
            System.arraycopy(pixels, indices[i] * Image.PIXELS, out, i * Image.PIXELS, Image.PIXELS);
        }
        return new ImageBatch(out, indices.length);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public ImageBatch slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new ImageBatch(Arrays.copyOfRange(pixels, from * Image.PIXELS, to * Image.PIXELS), to - from);
    }

    /** The images as a stream. */
    public Stream<Image> stream() {
        return IntStream.range(0, size).mapToObj(this::get);
    }

    /** A copy of all pixel bytes, image after image. */
    public byte[] pixels() {
        return pixels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageBatch other && size == other.size && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "ImageBatch[" + size + " images]";
    }
}
