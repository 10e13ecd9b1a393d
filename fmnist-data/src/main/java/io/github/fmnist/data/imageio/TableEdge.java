package io.github.fmnist.data.imageio;

import java.util.Optional;

/**
 * A straight step in the background from one side of the picture to the other, such as the back edge of a table
 * against a wall: above it one backdrop, below it another. Found where the left and the right border columns both
 * change colour abruptly at about the same height.
 */
record TableEdge(double leftRow, double rightRow, int width) {
    /** A step must change the colour by at least this much (0..255, root mean square over the channels). */
    static final float MIN_STEP = 10f;
    /** The step must be this many times stronger than the colour change anywhere else along the same side. */
    static final float DOMINANCE = 2f;
    /** Largest tilt, as the height difference between the two sides over the picture height. */
    static final double MAX_TILT = 0.25;
    /** Edges are looked for between these shares of the height (an edge at the very top or bottom is border). */
    static final double SEARCH_FROM = 0.1;
    static final double SEARCH_TO = 0.92;

    /** Whether pixel (x, y) lies on or below the edge (the rows are the first rows of the lower zone). */
    boolean below(double x, double y) {
        double t = width > 1 ? (double) x / (width - 1) : 0;
        return y >= leftRow + (rightRow - leftRow) * t;
    }

    static Optional<TableEdge> find(ColourPicture picture) {
        int width = picture.width();
        int height = picture.height();
        if (height < 24 || width < 8) {
            return Optional.empty();
        }
        int band = BorderBand.width(width, height);
        float[][] left = columnProfile(picture, 0, band);
        float[][] right = columnProfile(picture, width - band, band);
        int window = Math.max(2, height / 40);
        Step l = strongestStep(left, window, height);
        Step r = strongestStep(right, window, height);
        if (l == null || r == null || Math.abs(l.row - r.row) > MAX_TILT * height) {
            return Optional.empty();
        }
        double cosine = 0;
        double nl = 0;
        double nr = 0;
        for (int c = 0; c < 3; c++) {
            cosine += l.change[c] * r.change[c];
            nl += l.change[c] * l.change[c];
            nr += r.change[c] * r.change[c];
        }
        if (cosine / Math.sqrt(nl * nr) < 0.7) {
            return Optional.empty();
        }
        return Optional.of(new TableEdge(l.row, r.row, width));
    }

    /** Mean colour of each row over columns [from, from + band), as [channel][row]. */
    private static float[][] columnProfile(ColourPicture picture, int from, int band) {
        int width = picture.width();
        float[][] profile = new float[3][picture.height()];
        for (int y = 0; y < picture.height(); y++) {
            for (int x = from; x < from + band; x++) {
                int i = y * width + x;
                profile[0][y] += picture.red(i) / band;
                profile[1][y] += picture.green(i) / band;
                profile[2][y] += picture.blue(i) / band;
            }
        }
        return profile;
    }

    private record Step(int row, float strength, float[] change) {
    }

    /** The row where the mean colour of the window below differs most from the window above, if it stands out. */
    private static Step strongestStep(float[][] profile, int window, int height) {
        int from = Math.max(window, (int) (SEARCH_FROM * height));
        int to = Math.min(height - window, (int) (SEARCH_TO * height));
        float[] strengths = new float[height];
        int best = -1;
        float[] bestChange = null;
        for (int y = from; y < to; y++) {
            float[] change = new float[3];
            float squared = 0;
            for (int c = 0; c < 3; c++) {
                float above = 0;
                float below = 0;
                for (int k = 0; k < window; k++) {
                    above += profile[c][y - 1 - k];
                    below += profile[c][y + k];
                }
                change[c] = (below - above) / window;
                squared += change[c] * change[c];
            }
            strengths[y] = (float) Math.sqrt(squared / 3);
            if (best < 0 || strengths[y] > strengths[best]) {
                best = y;
                bestChange = change;
            }
        }
        if (best < 0 || strengths[best] < MIN_STEP) {
            return null;
        }
        float elsewhere = 0;
        for (int y = from; y < to; y++) {
            if (Math.abs(y - best) > 2 * window) {
                elsewhere = Math.max(elsewhere, strengths[y]);
            }
        }
        return strengths[best] >= DOMINANCE * elsewhere ? new Step(best, strengths[best], bestChange) : null;
    }
}
