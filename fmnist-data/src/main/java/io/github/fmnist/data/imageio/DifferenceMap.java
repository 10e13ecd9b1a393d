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
