package io.github.fmnist.dl;

import io.github.fmnist.api.Image;

/**
 * One training mini-batch in Java memory, ready to copy into the network's input arrays: normalised NCHW pixels,
 * one-hot targets and the labels. Its arrays are sized for the largest batch and reused from batch to batch;
 * {@link #size()} says how many images the current batch holds.
 */
final class HostBatch {
    static final int CLASSES = 10;

    private final float[] features;
    private final float[] targets;
    private final int[] labels;
    private int size;

    HostBatch(int capacity) {
        features = new float[capacity * Image.PIXELS];
        targets = new float[capacity * CLASSES];
        labels = new int[capacity];
    }

    int size() {
        return size;
    }

    void resize(int images) {
        size = images;
    }

    /** Normalised pixels, image after image; only the first {@code size × 784} values belong to this batch. */
    float[] features() {
        return features;
    }

    /** One-hot targets, {@code size × 10} values. */
    float[] targets() {
        return targets;
    }

    /** Labels of the batch; only the first {@code size} belong to it. */
    int[] labels() {
        return labels;
    }
}
