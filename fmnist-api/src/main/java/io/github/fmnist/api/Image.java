package io.github.fmnist.api;

import java.util.Arrays;

/**
 * One 28×28 grayscale image, stored as 784 unsigned bytes in row-major order, 0 = black background,
 * 255 = brightest (the Fashion-MNIST convention: light garments on black). Immutable.
 *
 * <pre>{@code
 * Image img = Image.of(bytes);          // 784 bytes
 * float[] x = img.toNormalized();       // values in [0, 1], ready for a 1×28×28 tensor
 * }</pre>
 */
public final class Image {
    /** Width and height in pixels. */
    public static final int SIDE = 28;
    /** Number of pixels, 784. */
    public static final int PIXELS = SIDE * SIDE;

    private final byte[] pixels;

    private Image(byte[] pixels) {
        this.pixels = pixels;
    }

    /**
     * An image from 784 row-major pixel bytes (copied).
     *
     * @throws InvalidInputException if the array does not hold exactly 784 bytes
     */
    public static Image of(byte[] pixels) {
        if (pixels.length != PIXELS) {
            throw new InvalidInputException("an image needs " + PIXELS + " pixels (28×28), found " + pixels.length);
        }
        return new Image(pixels.clone());
    }

    /** An image from 784 values in [0, 1] (values outside are clamped, then rounded to the nearest byte). */
    public static Image fromNormalized(float[] values) {
        if (values.length != PIXELS) {
            throw new InvalidInputException("an image needs " + PIXELS + " values (28×28), found " + values.length);
        }
        byte[] bytes = new byte[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            float v = Math.max(0f, Math.min(1f, values[i]));
            bytes[i] = (byte) Math.round(v * 255f);
        }
        return new Image(bytes);
    }

    static Image adopt(byte[] pixels) {
        return new Image(pixels);
    }

    /** The pixel at {@code (row, column)}, 0..255. */
    public int pixel(int row, int column) {
        return pixels[row * SIDE + column] & 0xFF;
    }

    /** A copy of the 784 pixel bytes. */
    public byte[] pixels() {
        return pixels.clone();
    }

    /** The pixels scaled to [0, 1] (pixel / 255), row-major. */
    public float[] toNormalized() {
        float[] out = new float[PIXELS];
        writeNormalized(out, 0);
        return out;
    }

    /** Writes the 784 pixels scaled to [0, 1] into {@code target} starting at {@code offset}. */
    public void writeNormalized(float[] target, int offset) {
        Pixels.normalize(pixels, 0, target, offset, PIXELS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Image[28×28]";
    }
}
