package io.github.fmnist.data.imageio;

/** Small synthetic pictures for the segmentation steps' tests, built pixel by pixel so the right answer is known. */
final class Pictures {
    private Pictures() {
    }

    /** A picture filled by {@code colour(x, y)} → {r, g, b}. */
    static ColourPicture of(int width, int height, ColourAt colour) {
        float[] r = new float[width * height];
        float[] g = new float[width * height];
        float[] b = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float[] c = colour.at(x, y);
                int i = y * width + x;
                r[i] = c[0];
                g[i] = c[1];
                b[i] = c[2];
            }
        }
        return new ColourPicture(width, height, r, g, b);
    }

    interface ColourAt {
        float[] at(int x, int y);
    }

    /** A mask from rows of '#' (set) and '.' (not set). */
    static BinaryMask mask(String... rows) {
        int w = rows[0].length();
        BinaryMask m = BinaryMask.empty(w, rows.length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                m.set(y * w + x, rows[y].charAt(x) == '#');
            }
        }
        return m;
    }

    /** The mask as rows of '#' and '.', for comparing with {@link #mask}. */
    static String rows(BinaryMask m) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < m.height(); y++) {
            if (y > 0) {
                s.append('\n');
            }
            for (int x = 0; x < m.width(); x++) {
                s.append(m.get(x, y) ? '#' : '.');
            }
        }
        return s.toString();
    }

    static String rows(String... rows) {
        return String.join("\n", rows);
    }

    /** Intersection over union of two masks of one size. */
    static double iou(BinaryMask a, BinaryMask b) {
        int both = a.and(b).count();
        int either = a.or(b).count();
        return either == 0 ? 1 : (double) both / either;
    }

    /** A mask of the rectangle [left, right) × [top, bottom). */
    static BinaryMask rectangle(int width, int height, int left, int top, int right, int bottom) {
        BinaryMask m = BinaryMask.empty(width, height);
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                m.set(y * width + x, true);
            }
        }
        return m;
    }
}
