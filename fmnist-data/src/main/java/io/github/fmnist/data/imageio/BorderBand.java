package io.github.fmnist.data.imageio;

/** The pixels of a picture's outer band, where the background shows: the samples the background model is fitted to. */
final class BorderBand {
    /** Width of the band as a share of the picture's shorter side. */
    static final double SHARE = 0.03;
    /** At most this many samples are taken; more add time and no accuracy to a six-term fit. */
    static final int MAX_SAMPLES = 2000;

    private BorderBand() {
    }

    /** The band's width in pixels for a picture of this size (at least 1). */
    static int width(int width, int height) {
        return Math.max(1, (int) Math.round(SHARE * Math.min(width, height)));
    }

    /** Indices (y·width + x) of evenly spread pixels of the band, in scan order. */
    static int[] samples(int width, int height) {
        int band = width(width, height);
        long inBand = (long) width * height - (long) Math.max(0, width - 2 * band) * Math.max(0, height - 2 * band);
        int stride = (int) Math.max(1, inBand / MAX_SAMPLES);
        int[] samples = new int[(int) Math.min(inBand, (inBand + stride - 1) / stride)];
        int n = 0;
        long seen = 0;
        for (int y = 0; y < height; y++) {
            boolean rowInBand = y < band || y >= height - band;
            for (int x = 0; x < width; x++) {
                if (rowInBand || x < band || x >= width - band) {
                    if (seen++ % stride == 0 && n < samples.length) {
                        samples[n++] = y * width + x;
                    }
                } else {
                    x = width - band - 1;
                }
            }
        }
        return n == samples.length ? samples : java.util.Arrays.copyOf(samples, n);
    }
}
