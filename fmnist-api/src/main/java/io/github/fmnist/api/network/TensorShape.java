package io.github.fmnist.api.network;

import java.util.Arrays;

/**
 * The shape of one image's tensor inside a network, without the batch dimension: {@code [C, H, W]} for
 * images and feature maps, {@code [features]} after flattening. Printed with the batch dimension, as
 * {@code [N, 32, 26, 26]}.
 *
 * @param dims the dimensions, each positive; copied on construction and on access
 */
public record TensorShape(int[] dims) {
    public TensorShape {
        dims = dims.clone();
        if (dims.length != 1 && dims.length != 3) {
            throw new IllegalArgumentException("a tensor shape has 1 or 3 dimensions besides the batch, found " + dims.length);
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor dimensions must be positive, found " + Arrays.toString(dims));
            }
        }
    }

    /** {@code [channels, height, width]}. */
    public static TensorShape image(int channels, int height, int width) {
        return new TensorShape(new int[] {channels, height, width});
    }

    /** {@code [count]}. */
    public static TensorShape features(int count) {
        return new TensorShape(new int[] {count});
    }

    /** Whether this is a {@code [C, H, W]} shape. */
    public boolean isImage() {
        return dims.length == 3;
    }

    /** Whether this is a {@code [features]} shape. */
    public boolean isFeatures() {
        return dims.length == 1;
    }

    /** The first dimension: channels of an image shape, the feature count of a features shape. */
    public int channels() {
        return dims[0];
    }

    /** The height of an image shape. */
    public int height() {
        requireImage();
        return dims[1];
    }

    /** The width of an image shape. */
    public int width() {
        requireImage();
        return dims[2];
    }

    /** The number of values per image. */
    public int size() {
        int n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    private void requireImage() {
        if (!isImage()) {
            throw new IllegalStateException(this + " is not an image shape");
        }
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[N");
        for (int d : dims) {
            s.append(", ").append(d);
        }
        return s.append(']').toString();
    }
}
