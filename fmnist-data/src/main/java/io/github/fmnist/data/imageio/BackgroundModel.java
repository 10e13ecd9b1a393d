package io.github.fmnist.data.imageio;

import java.util.Arrays;
import java.util.Optional;

/**
 * The background of a picture, modelled from its border band: a smooth quadratic colour field (illumination
 * gradient, vignette), or two of them split by a {@link TableEdge}. The fit is robust: border samples that differ
 * from the first fit by more than a few noise widths (an item or prop touching the frame) are dropped and the
 * field refitted.
 */
final class BackgroundModel {
    /** Rounds of dropping outlying samples and refitting. */
    static final int ROUNDS = 3;
    /** Samples further than this many noise widths from the field are outliers. */
    static final float OUTLIER_WIDTHS = 3f;
    /** Noise width never taken below this (0..255): flat synthetic backdrops have none at all. */
    static final float MIN_NOISE = 1.5f;
    /** A zone with fewer samples than this is not fitted on its own. */
    static final int MIN_ZONE_SAMPLES = 30;

    private final QuadraticColourField upper;
    private final QuadraticColourField lower;
    private final TableEdge edge;
    private final float noise;

    private BackgroundModel(QuadraticColourField upper, QuadraticColourField lower, TableEdge edge, float noise) {
        this.upper = upper;
        this.lower = lower;
        this.edge = edge;
        this.noise = noise;
    }

    static BackgroundModel fit(ColourPicture picture) {
        int[] samples = BorderBand.samples(picture.width(), picture.height());
        Optional<TableEdge> edge = TableEdge.find(picture);
        if (edge.isPresent()) {
            int width = picture.width();
            TableEdge e = edge.get();
            int[] above = Arrays.stream(samples).filter(i -> !e.below(i % width, i / width)).toArray();
            int[] below = Arrays.stream(samples).filter(i -> e.below(i % width, i / width)).toArray();
            if (above.length >= MIN_ZONE_SAMPLES && below.length >= MIN_ZONE_SAMPLES) {
                Fit top = robustFit(picture, above);
                Fit bottom = robustFit(picture, below);
                float noise = (top.noise * top.inliers + bottom.noise * bottom.inliers)
                        / Math.max(1, top.inliers + bottom.inliers);
                return new BackgroundModel(top.field, bottom.field, e, noise);
            }
        }
        Fit all = robustFit(picture, samples);
        return new BackgroundModel(all.field, all.field, null, all.noise);
    }

    private record Fit(QuadraticColourField field, float noise, int inliers) {
    }

    private static Fit robustFit(ColourPicture picture, int[] samples) {
        int[] kept = samples.clone();
        int count = closeToMedian(picture, samples, kept);
        QuadraticColourField field = QuadraticColourField.fit(picture, kept, count);
        float noise = MIN_NOISE;
        for (int round = 0; round < ROUNDS; round++) {
            float[] residuals = residuals(picture, field, samples);
            noise = Math.max(MIN_NOISE, robustWidth(residuals));
            count = 0;
            for (int s = 0; s < samples.length; s++) {
                if (residuals[s] <= OUTLIER_WIDTHS * noise) {
                    kept[count++] = samples[s];
                }
            }
            if (count < QuadraticColourField.TERMS) {
                break;
            }
            field = QuadraticColourField.fit(picture, kept, count);
        }
        return new Fit(field, noise, count);
    }

    /**
     * The first inliers: samples near the border's median colour. A least-squares quadratic through all samples
     * would bend towards a prop on the border and hide it among the residuals; the median does not move.
     */
    private static int closeToMedian(ColourPicture picture, int[] samples, int[] kept) {
        float[][] channels = new float[3][samples.length];
        for (int s = 0; s < samples.length; s++) {
            channels[0][s] = picture.red(samples[s]);
            channels[1][s] = picture.green(samples[s]);
            channels[2][s] = picture.blue(samples[s]);
        }
        float[] median = new float[3];
        for (int c = 0; c < 3; c++) {
            float[] sorted = channels[c].clone();
            Arrays.sort(sorted);
            median[c] = sorted[sorted.length / 2];
        }
        float[] residuals = new float[samples.length];
        for (int s = 0; s < samples.length; s++) {
            residuals[s] = ColourDistance.rms(channels[0][s] - median[0], channels[1][s] - median[1],
                    channels[2][s] - median[2]);
        }
        float limit = OUTLIER_WIDTHS * Math.max(MIN_NOISE, robustWidth(residuals));
        int count = 0;
        for (int s = 0; s < samples.length; s++) {
            if (residuals[s] <= limit) {
                kept[count++] = samples[s];
            }
        }
        if (count < QuadraticColourField.TERMS) {
            System.arraycopy(samples, 0, kept, 0, samples.length);
            return samples.length;
        }
        return count;
    }

    private static float[] residuals(ColourPicture picture, QuadraticColourField field, int[] samples) {
        int width = picture.width();
        float[] colour = new float[3];
        float[] residuals = new float[samples.length];
        for (int s = 0; s < samples.length; s++) {
            int i = samples[s];
            field.colour(i % width, i / width, colour);
            residuals[s] = ColourDistance.rms(picture.red(i) - colour[0], picture.green(i) - colour[1],
                    picture.blue(i) - colour[2]);
        }
        return residuals;
    }

    /** A noise width from the median residual, robust to the outliers still among them. */
    private static float robustWidth(float[] residuals) {
        float[] sorted = residuals.clone();
        Arrays.sort(sorted);
        return 1.4826f * sorted[sorted.length / 2];
    }

    /** The modelled background colour at (x, y), into {@code out[0..3)}; x and y may be fractional. */
    void colour(double x, double y, float[] out) {
        (edge != null && edge.below(x, y) ? lower : upper).colour(x, y, out);
    }

    /** The modelled background along row {@code y}, into the three arrays (at least {@code width} long). */
    void row(int y, int width, float[] red, float[] green, float[] blue) {
        if (edge == null) {
            upper.row(y, width, red, green, blue);
            return;
        }
        upper.row(y, width, red, green, blue);
        float[] c = new float[3];
        for (int x = 0; x < width; x++) {
            if (edge.below(x, y)) {
                lower.colour(x, y, c);
                red[x] = c[0];
                green[x] = c[1];
                blue[x] = c[2];
            }
        }
    }

    /** The spread of the border samples around the model (0..255): texture, sensor and JPEG noise. */
    float noise() {
        return noise;
    }

    /** The table edge the model splits at, if it found one. */
    Optional<TableEdge> edge() {
        return Optional.ofNullable(edge);
    }
}
