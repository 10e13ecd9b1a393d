package io.github.fmnist.explain.render;

import io.github.fmnist.api.Image;
import java.awt.image.BufferedImage;

/** Paints the three 28×28 views of a figure, upscaled, into an RGB image. */
final class Panels {

    private Panels() {
    }

    /** The grayscale image, each pixel a {@code scale × scale} block (nearest neighbour keeps it honest). */
    static void original(BufferedImage out, int left, int top, Image image, int scale) {
        for (int y = 0; y < Image.SIDE * scale; y++) {
            for (int x = 0; x < Image.SIDE * scale; x++) {
                int g = image.pixel(y / scale, x / scale);
                out.setRGB(left + x, top + y, g << 16 | g << 8 | g);
            }
        }
    }

    /** The relevance in the jet colours, bilinearly upscaled so the coarse map reads as a smooth field. */
    static void heatmap(BufferedImage out, int left, int top, float[] relevance, int scale) {
        for (int y = 0; y < Image.SIDE * scale; y++) {
            for (int x = 0; x < Image.SIDE * scale; x++) {
                out.setRGB(left + x, top + y, JetColorMap.rgb(smooth(relevance, y, x, scale)));
            }
        }
    }

    /** The heatmap alpha-blended over the grayscale image: {@code (1 − α)·gray + α·jet}. */
    static void overlay(BufferedImage out, int left, int top, Image image, float[] relevance, int scale, double alpha) {
        for (int y = 0; y < Image.SIDE * scale; y++) {
            for (int x = 0; x < Image.SIDE * scale; x++) {
                int g = image.pixel(y / scale, x / scale);
                int jet = JetColorMap.rgb(smooth(relevance, y, x, scale));
                int r = blend(g, jet >> 16 & 0xFF, alpha);
                int gr = blend(g, jet >> 8 & 0xFF, alpha);
                int b = blend(g, jet & 0xFF, alpha);
                out.setRGB(left + x, top + y, r << 16 | gr << 8 | b);
            }
        }
    }

    /** A vertical jet colour bar, 1 at the top. */
    static void colorBar(BufferedImage out, int left, int top, int width, int height) {
        for (int y = 0; y < height; y++) {
            int rgb = JetColorMap.rgb(1.0 - (double) y / (height - 1));
            for (int x = 0; x < width; x++) {
                out.setRGB(left + x, top + y, rgb);
            }
        }
    }

    private static int blend(int gray, int colour, double alpha) {
        return (int) Math.round((1 - alpha) * gray + alpha * colour);
    }

    /** Relevance at output pixel {@code (y, x)}, sampling the 28×28 map at pixel centres, borders clamped. */
    static double smooth(float[] relevance, int y, int x, int scale) {
        double sy = clamp((y + 0.5) / scale - 0.5);
        double sx = clamp((x + 0.5) / scale - 0.5);
        int y0 = (int) sy;
        int x0 = (int) sx;
        int y1 = Math.min(y0 + 1, Image.SIDE - 1);
        int x1 = Math.min(x0 + 1, Image.SIDE - 1);
        double fy = sy - y0;
        double fx = sx - x0;
        double topRow = relevance[y0 * Image.SIDE + x0] * (1 - fx) + relevance[y0 * Image.SIDE + x1] * fx;
        double bottomRow = relevance[y1 * Image.SIDE + x0] * (1 - fx) + relevance[y1 * Image.SIDE + x1] * fx;
        return topRow * (1 - fy) + bottomRow * fy;
    }

    private static double clamp(double s) {
        return Math.max(0, Math.min(Image.SIDE - 1, s));
    }
}
