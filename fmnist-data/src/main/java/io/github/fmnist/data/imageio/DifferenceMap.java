package io.github.fmnist.data.imageio;

/**
 * How far each pixel's colour is from the modelled background (root mean square over the channels, 0..255), and
 * which pixels look like a soft shadow on it: darker than the background by a factor, with the background's chroma.
 * A gray item on a gray backdrop looks the same, which is why shadow-like pixels enclosed by the item are given
 * back later ({@link ItemSegmenter}).
 */
final class DifferenceMap {
    /** A shadow darkens the background to at least this share of its brightness; darker is an object. */
    static final float DARKEST_SHADOW = 0.5f;
    /** A shadow darkens the background to at most this share (closer to 1 is noise, not shadow). */
    static final float LIGHTEST_SHADOW = 0.98f;
    /** A shadow's colour is the background's times a factor, to within this many noise widths. */
    static final float SHADOW_CHROMA_WIDTHS = 3f;
    /** ... and to within at least this (0..255), for flat backdrops with no noise. */
    static final float MIN_SHADOW_CHROMA = 6f;
    /** Backgrounds darker than this (luminance) show no shadows worth removing. */
    static final float DARK_BACKGROUND = 40f;

    private final int width;
    private final int height;
    private final float[] distance;
    private final boolean[] shadowLike;

    private DifferenceMap(int width, int height, float[] distance, boolean[] shadowLike) {
        this.width = width;
        this.height = height;
        this.distance = distance;
        this.shadowLike = shadowLike;
    }

    static DifferenceMap of(ColourPicture picture, BackgroundModel background) {
        int width = picture.width();
        int height = picture.height();
        float[] distance = new float[width * height];
        boolean[] shadowLike = new boolean[width * height];
        float chromaTolerance = Math.max(MIN_SHADOW_CHROMA, SHADOW_CHROMA_WIDTHS * background.noise());
        float[] rowRed = new float[width];
        float[] rowGreen = new float[width];
        float[] rowBlue = new float[width];
        for (int y = 0; y < height; y++) {
            background.row(y, width, rowRed, rowGreen, rowBlue);
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                float br = rowRed[x];
                float bg = rowGreen[x];
                float bb = rowBlue[x];
                float r = picture.red(i);
                float g = picture.green(i);
                float b = picture.blue(i);
                distance[i] = ColourDistance.rms(r - br, g - bg, b - bb);
                float bgLuminance = 0.299f * br + 0.587f * bg + 0.114f * bb;
                if (bgLuminance >= DARK_BACKGROUND) {
                    // the factor s that brings the background closest to this pixel: pixel ≈ s · background
                    float s = (r * br + g * bg + b * bb) / (br * br + bg * bg + bb * bb);
                    if (s >= DARKEST_SHADOW && s <= LIGHTEST_SHADOW) {
                        float chroma = ColourDistance.rms(r - s * br, g - s * bg, b - s * bb);
                        shadowLike[i] = chroma <= chromaTolerance;
                    }
                }
            }
        }
        return new DifferenceMap(width, height, distance, shadowLike);
    }

    /**
     * The same map with each distance replaced by the median of its 3×3 neighbourhood (the picture's edge repeated);
     * which pixels are shadow-like is kept.
     */
    DifferenceMap medianFiltered() {
        float[] out = new float[distance.length];
        float[] p = new float[9];
        for (int y = 0; y < height; y++) {
            int above = Math.max(0, y - 1) * width;
            int row = y * width;
            int below = Math.min(height - 1, y + 1) * width;
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - 1);
                int right = Math.min(width - 1, x + 1);
                p[0] = distance[above + left];
                p[1] = distance[above + x];
                p[2] = distance[above + right];
                p[3] = distance[row + left];
                p[4] = distance[row + x];
                p[5] = distance[row + right];
                p[6] = distance[below + left];
                p[7] = distance[below + x];
                p[8] = distance[below + right];
                out[row + x] = medianOfNine(p);
            }
        }
        return new DifferenceMap(width, height, out, shadowLike);
    }

    /** The median of nine values by a fixed 19-exchange network (reorders {@code p}). */
    private static float medianOfNine(float[] p) {
        sort(p, 1, 2); sort(p, 4, 5); sort(p, 7, 8);
        sort(p, 0, 1); sort(p, 3, 4); sort(p, 6, 7);
        sort(p, 1, 2); sort(p, 4, 5); sort(p, 7, 8);
        sort(p, 0, 3); sort(p, 5, 8); sort(p, 4, 7);
        sort(p, 3, 6); sort(p, 1, 4); sort(p, 2, 5);
        sort(p, 4, 7); sort(p, 4, 2); sort(p, 6, 4);
        sort(p, 4, 2);
        return p[4];
    }

    private static void sort(float[] p, int a, int b) {
        if (p[a] > p[b]) {
            float t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    float distance(int i) {
        return distance[i];
    }

    boolean shadowLike(int i) {
        return shadowLike[i];
    }
}
