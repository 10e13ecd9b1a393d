package io.github.fmnist.testkit;

import java.util.Arrays;

/**
 * The shape of one image's tensor (batch dimension excluded): {@code [C, H, W]} for images and feature
 * maps, {@code [features]} after flattening.
 */
record TensorShape(int[] dims) {
    TensorShape {
        dims = dims.clone();
    }

    static TensorShape image(int channels, int height, int width) {
        return new TensorShape(new int[] {channels, height, width});
    }

    static TensorShape features(int count) {
        return new TensorShape(new int[] {count});
    }

    boolean isImage() {
        return dims.length == 3;
    }

    boolean isFeatures() {
        return dims.length == 1;
    }

    int channels() {
        return dims[0];
    }

    int height() {
        return dims[1];
    }

    int width() {
        return dims[2];
    }

    int size() {
        int n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
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
