package io.github.fmnist.explain.cam;

import io.github.fmnist.api.Image;

/** Maps a coarse feature map onto the 28×28 input and scales relevance into [0, 1]. */
final class FeatureMaps {

    private FeatureMaps() {
    }

    /**
     * Bilinear upsampling of a feature map to 28×28: input pixel {@code i} samples the map where
     * {@code geometry} places it, so each cell's value lands on the centre of its receptive field.
     */
    static double[] upsample(double[] map, FeatureGeometry geometry) {
        int height = geometry.height();
        int width = geometry.width();
        double[] out = new double[Image.PIXELS];
        for (int row = 0; row < Image.SIDE; row++) {
            double sy = geometry.sourceY(row);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, height - 1);
            double fy = sy - y0;
            for (int col = 0; col < Image.SIDE; col++) {
                double sx = geometry.sourceX(col);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, width - 1);
                double fx = sx - x0;
                double top = map[y0 * width + x0] * (1 - fx) + map[y0 * width + x1] * fx;
                double bottom = map[y1 * width + x0] * (1 - fx) + map[y1 * width + x1] * fx;
                out[row * Image.SIDE + col] = top * (1 - fy) + bottom * fy;
            }
        }
        return out;
    }

    /** Negative values become 0, then the map is divided by its maximum; an all-zero map stays zero. */
    static float[] normalize(double[] map) {
        double max = 0;
        for (double v : map) {
            max = Math.max(max, v);
        }
        float[] out = new float[map.length];
        if (max <= 0 || !Double.isFinite(max)) {
            return out;
        }
        for (int i = 0; i < map.length; i++) {
            out[i] = (float) Math.min(1.0, Math.max(0.0, map[i] / max));
        }
        return out;
    }

    /** Rescales one channel to [0, 1] by its minimum and maximum; a constant channel gives all zeros. */
    static double[] minMax(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] out = new double[values.length];
        double range = max - min;
        if (!(range > 0)) {
            return out;
        }
        for (int i = 0; i < values.length; i++) {
            out[i] = (values[i] - min) / range;
        }
        return out;
    }
}
