package io.github.fmnist.ensemble;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.network.Layer;

/**
 * Translates NCHW images by whole pixels, filling the uncovered border with 0 (black): output pixel {@code (y, x)}
 * is input pixel {@code (y − dy, x − dx)}, or 0 where that lies outside the image. Positive {@code dx} moves the
 * content right, positive {@code dy} down.
 */
final class ImageShift {
    private ImageShift() {
    }

    /** A new array holding every image of {@code nchw} shifted by {@code (dx, dy)}. */
    static float[] of(float[] nchw, int dx, int dy) {
        float[] out = new float[nchw.length];
        int side = Image.SIDE;
        for (int base = 0; base < nchw.length; base += Image.PIXELS) {
            for (int y = Math.max(0, dy); y < Math.min(side, side + dy); y++) {
                int from = base + (y - dy) * side;
                int to = base + y * side;
                int x0 = Math.max(0, dx);
                int x1 = Math.min(side, side + dx);
                System.arraycopy(nchw, from + x0 - dx, out, to + x0, x1 - x0);
            }
        }
        return out;
    }

    /**
     * The same shift as a description layer: a fixed one-channel convolution whose
     * {@code (2r+1) × (2r+1)} kernel ({@code r = max(|dx|, |dy|)}) is 1 at one position and 0 elsewhere, with
     * {@code r} pixels of zero padding on every side and no bias. Each output is {@code 1·x} plus zeros, so the
     * shift is exact in floating point.
     */
    static Layer.Convolution layer(int dx, int dy) {
        int r = Math.max(Math.abs(dx), Math.abs(dy));
        int k = 2 * r + 1;
        float[] kernel = new float[k * k];
        // cross-correlation: out(y, x) = Σ w(i, j) in(y + i − r, x + j − r); in(y − dy, x − dx) needs i = r − dy
        kernel[(r - dy) * k + (r - dx)] = 1f;
        return new Layer.Convolution(1, 1, k, k, 1, 1, Layer.Padding.of(r), kernel, new float[] {0f});
    }
}
