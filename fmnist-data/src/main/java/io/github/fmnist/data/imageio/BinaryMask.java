package io.github.fmnist.data.imageio;

import java.awt.image.BufferedImage;

/** Which pixels of a width × height picture belong to something (the item, a region, a candidate). */
final class BinaryMask {
    private final int width;
    private final int height;
    private final boolean[] set;

    BinaryMask(int width, int height, boolean[] set) {
        if (set.length != width * height) {
            throw new IllegalArgumentException("mask of " + set.length + " pixels for " + width + "×" + height);
        }
        this.width = width;
        this.height = height;
        this.set = set;
    }

    static BinaryMask empty(int width, int height) {
        return new BinaryMask(width, height, new boolean[width * height]);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean get(int i) {
        return set[i];
    }

    boolean get(int x, int y) {
        return set[y * width + x];
    }

    void set(int i, boolean value) {
        set[i] = value;
    }

    int count() {
        int n = 0;
        for (boolean b : set) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    BinaryMask copy() {
        return new BinaryMask(width, height, set.clone());
    }

    /** Pixels in this mask and in {@code other}. */
    BinaryMask and(BinaryMask other) {
        boolean[] out = new boolean[set.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = set[i] && other.set[i];
        }
        return new BinaryMask(width, height, out);
    }

    /** Pixels in this mask or in {@code other}. */
    BinaryMask or(BinaryMask other) {
        boolean[] out = new boolean[set.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = set[i] || other.set[i];
        }
        return new BinaryMask(width, height, out);
    }

    BinaryMask not() {
        boolean[] out = new boolean[set.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = !set[i];
        }
        return new BinaryMask(width, height, out);
    }

    /** Black and white picture of the mask (white = set). */
    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < set.length; i++) {
            data[i] = set[i] ? (byte) 255 : 0;
        }
        return image;
    }
}
