package io.github.fmnist.bench.photos;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/** Backdrops for the staged photos, painted straight into an RGB canvas: flat, gradient, textured, wall-and-table. */
final class Backdrops {
    private Backdrops() {
    }

    static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    static void flat(BufferedImage canvas, float[] colour) {
        int[] data = pixels(canvas);
        int rgb = rgb(colour[0], colour[1], colour[2]);
        java.util.Arrays.fill(data, rgb);
    }

    /** A linear gradient from {@code from} to {@code to} in a random direction, darkened towards the corners. */
    static void gradient(BufferedImage canvas, float[] from, float[] to, double vignette, SplittableRandom random) {
        int w = canvas.getWidth();
        int h = canvas.getHeight();
        double angle = random.nextDouble(2 * Math.PI);
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        int[] data = pixels(canvas);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x - w / 2.0) / w;
                double v = (y - h / 2.0) / h;
                double t = Math.max(0, Math.min(1, 0.5 + u * dx + v * dy));
                double shade = 1 - vignette * (u * u + v * v) * 2;
                data[y * w + x] = rgb(mix(from[0], to[0], t) * shade, mix(from[1], to[1], t) * shade,
                        mix(from[2], to[2], t) * shade);
            }
        }
    }

    /**
     * Adds a fabric-like texture: smooth blotches (random values on a coarse grid, interpolated), a weave of fine
     * stripes and per-pixel grain, each of the given amplitude (0..255).
     */
    static void texture(BufferedImage canvas, double blotches, double weave, double grain, SplittableRandom random) {
        int w = canvas.getWidth();
        int h = canvas.getHeight();
        int cell = 24;
        int gw = w / cell + 2;
        int gh = h / cell + 2;
        double[] grid = new double[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextDouble(-1, 1);
        }
        double period = random.nextDouble(3, 7);
        int[] data = pixels(canvas);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = (double) x / cell;
                double gy = (double) y / cell;
                int ix = (int) gx;
                int iy = (int) gy;
                double fx = gx - ix;
                double fy = gy - iy;
                double smooth = mix(mix(grid[iy * gw + ix], grid[iy * gw + ix + 1], fx),
                        mix(grid[(iy + 1) * gw + ix], grid[(iy + 1) * gw + ix + 1], fx), fy);
                double offset = blotches * smooth + weave * Math.sin(2 * Math.PI * (x + y) / period)
                        * Math.sin(2 * Math.PI * (x - y) / period) + grain * random.nextDouble(-1, 1);
                int i = y * w + x;
                int p = data[i];
                data[i] = rgb(((p >> 16) & 0xFF) + offset, ((p >> 8) & 0xFF) + offset, (p & 0xFF) + offset);
            }
        }
    }

    /**
     * Paints a table top below a nearly horizontal edge at {@code edgeRow} (rising or falling by {@code tilt} rows
     * across the width): its colour darkens slightly towards the front, with a faint wood grain.
     */
    static void table(BufferedImage canvas, double edgeRow, double tilt, float[] colour, SplittableRandom random) {
        int w = canvas.getWidth();
        int h = canvas.getHeight();
        int[] data = pixels(canvas);
        double grainPeriod = random.nextDouble(6, 14);
        for (int x = 0; x < w; x++) {
            int edge = (int) Math.round(edgeRow + tilt * x / w);
            for (int y = Math.max(0, edge); y < h; y++) {
                double depth = (double) (y - edge) / Math.max(1, h - edge);
                double shade = 1 - 0.12 * depth + 0.03 * Math.sin(2 * Math.PI * (y + 0.05 * x) / grainPeriod);
                data[y * w + x] = rgb(colour[0] * shade, colour[1] * shade, colour[2] * shade);
            }
        }
    }

    static int[] pixels(BufferedImage canvas) {
        return ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
    }

    static double mix(double a, double b, double t) {
        return a + (b - a) * t;
    }

    static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
