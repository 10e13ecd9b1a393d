package io.github.fmnist.data.imageio;

/**
 * Finds how far an item is turned from upright: Fashion-MNIST items stand straight in their frame, so the turn
 * that makes the item's bounding box smallest undoes a slightly rotated photo. Only a clear gain counts, since
 * irregular items (a sneaker, a sandal) have boxes that shrink a little at some angle without being turned.
 */
final class Deskew {
    /** Largest turn looked for, in degrees either way. */
    static final double MAX_DEGREES = 12;
    /** Angle step of the search, in degrees. */
    static final double STEP_DEGREES = 0.5;
    /** The upright box must be at least this many times the smallest for the turn to count. */
    static final double MIN_GAIN = 1.04;
    /** Mask pixels probed (evenly spread). */
    static final int MAX_POINTS = 3000;

    private Deskew() {
    }

    /** The turn in degrees (positive clockwise on screen) that stands the item upright, or 0. */
    static double angle(BinaryMask mask) {
        int total = mask.count();
        if (total < 16) {
            return 0;
        }
        int stride = Math.max(1, total / MAX_POINTS);
        double[] xs = new double[total / stride + 1];
        double[] ys = new double[xs.length];
        int n = 0;
        int seen = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y) && seen++ % stride == 0 && n < xs.length) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        double upright = area(xs, ys, n, 0);
        double best = upright;
        double bestAngle = 0;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += STEP_DEGREES) {
            double area = area(xs, ys, n, Math.toRadians(a));
            if (area < best) {
                best = area;
                bestAngle = a;
            }
        }
        return upright >= MIN_GAIN * best ? bestAngle : 0;
    }

    private static double area(double[] xs, double[] ys, int n, double radians) {
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        double minU = Double.MAX_VALUE;
        double maxU = -Double.MAX_VALUE;
        double minV = Double.MAX_VALUE;
        double maxV = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double u = xs[i] * cos - ys[i] * sin;
            double v = xs[i] * sin + ys[i] * cos;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        return (maxU - minU + 1) * (maxV - minV + 1);
    }
}
