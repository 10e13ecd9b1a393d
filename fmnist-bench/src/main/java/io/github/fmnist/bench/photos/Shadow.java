package io.github.fmnist.bench.photos;

import io.github.fmnist.api.Image;

import java.awt.image.BufferedImage;

/** The garment's silhouette, blurred, in black: a soft drop shadow. */
final class Shadow {
    static final int PAD = 4;

    private Shadow() {
    }

    static BufferedImage of(Image image) {
        int side = Image.SIDE + 2 * PAD;
        double[] alpha = new double[side * side];
        for (int row = 0; row < Image.SIDE; row++) {
            for (int col = 0; col < Image.SIDE; col++) {
                alpha[(row + PAD) * side + col + PAD] = image.pixel(row, col);
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            alpha = boxBlur(alpha, side);
        }
        BufferedImage shadow = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < alpha.length; i++) {
            shadow.setRGB(i % side, i / side, ((int) Math.round(Math.min(255, alpha[i])) << 24));
        }
        return shadow;
    }

    private static double[] boxBlur(double[] in, int side) {
        double[] out = new double[in.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < side && ny < side) {
                            sum += in[ny * side + nx];
                        }
                        n++;
                    }
                }
                out[y * side + x] = sum / n;
            }
        }
        return out;
    }
}
