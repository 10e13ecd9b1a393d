package io.github.fmnist.hybrid;

import io.github.fmnist.api.Image;

/** Mirrors NCHW images left to right, as {@code Layer.FlipHorizontal} describes it. */
final class Mirror {
    private Mirror() {
    }

    /** A new array: column {@code x} of every row of every image from column {@code 27 − x}. */
    static float[] of(float[] nchw) {
        float[] out = new float[nchw.length];
        for (int row = 0; row < nchw.length / Image.SIDE; row++) {
            int base = row * Image.SIDE;
            for (int x = 0; x < Image.SIDE; x++) {
                out[base + x] = nchw[base + Image.SIDE - 1 - x];
            }
        }
        return out;
    }
}
