package io.github.fmnist.bench.photos;

import java.awt.Color;
import java.util.SplittableRandom;

/** Colours for the staged photos. */
final class Palette {
    /** Garments differ from their backdrop by at least this (root mean square over the channels, 0..255). */
    static final double MIN_GARMENT_CONTRAST = 70;

    private Palette() {
    }

    static float[] offWhite(SplittableRandom random) {
        float base = (float) random.nextDouble(232, 250);
        return new float[] {base + (float) random.nextDouble(0, 6), base + (float) random.nextDouble(0, 6),
                base + (float) random.nextDouble(0, 6)};
    }

    static float[] light(SplittableRandom random) {
        return new float[] {(float) random.nextDouble(165, 245), (float) random.nextDouble(165, 245),
                (float) random.nextDouble(165, 245)};
    }

    static float[] wood(SplittableRandom random) {
        float r = (float) random.nextDouble(150, 215);
        return new float[] {r, r * (float) random.nextDouble(0.72, 0.85), r * (float) random.nextDouble(0.5, 0.65)};
    }

    /** Any colour, for props. */
    static float[] any(SplittableRandom random) {
        return hsb(random.nextDouble(), random.nextDouble(0.2, 1), random.nextDouble(0.25, 0.95));
    }

    /** A garment colour that stands out from {@code backdrop}. */
    static float[] garment(SplittableRandom random, float[] backdrop) {
        float[] colour;
        do {
            colour = hsb(random.nextDouble(), random.nextDouble(0.3, 1), random.nextDouble(0.15, 0.9));
        } while (distance(colour, backdrop) < MIN_GARMENT_CONTRAST);
        return colour;
    }

    static float[] average(float[] a, float[] b) {
        return new float[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    private static float[] hsb(double hue, double saturation, double brightness) {
        int rgb = Color.HSBtoRGB((float) hue, (float) saturation, (float) brightness);
        return new float[] {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return Math.sqrt(sum / 3);
    }
}
