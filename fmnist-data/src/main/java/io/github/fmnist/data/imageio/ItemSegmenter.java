package io.github.fmnist.data.imageio;

import io.github.fmnist.data.imageio.ConnectedRegions.Region;

import java.util.Arrays;
import java.util.List;

/**
 * Separates the item from its background: background model from the border, difference from it, soft shadows
 * set aside, morphological clean-up, the item's region chosen, then grown back over its faint rim. The result is a
 * grayscale picture that is the item's difference from the background (light on black, whatever the item's and the
 * background's colours) and black elsewhere.
 */
final class ItemSegmenter {
    /** A pixel belongs to something when it differs from the background by this many noise widths ... */
    static final float THRESHOLD_WIDTHS = 4f;
    /** ... and by at least this much (0..255). */
    static final float MIN_CONTRAST = 12f;
    /** The faint rim grown back around the item needs only this share of the threshold. */
    static final float RIM_SHARE = 0.5f;
    /** Radius of the clean-up (closing, then opening) as a share of the picture's longer side. */
    static final double CLEAN_UP_SHARE = 0.003;
    /** How far the rim may grow beyond the item, as a share of the item's longer side. */
    static final double RIM_SHARE_OF_ITEM = 0.04;
    /** The item's brightest pixel in the result is this percentile of its differences (ignores JPEG outliers). */
    static final double WHITE_PERCENTILE = 0.999;

    /**
     * What segmentation found: the item's mask, its difference picture, the background model, the difference that
     * became white, and the shade: pixels of the mask that are the cast shadow showing through the item (thin
     * shadow-like parts, when a shadow was found), which count as black.
     */
    record Segmentation(BinaryMask item, GrayPicture difference, BackgroundModel background, float white,
            BinaryMask shade) {
    }

    private ItemSegmenter() {
    }

    /** @throws NoItemFoundException if nothing in {@code picture} stands out from the background */
    static Segmentation segment(ColourPicture picture, String source) {
        int w = picture.width();
        int h = picture.height();
        BackgroundModel background = BackgroundModel.fit(picture);
        DifferenceMap difference = DifferenceMap.of(picture, background);
        float threshold = Math.max(MIN_CONTRAST, THRESHOLD_WIDTHS * background.noise());
        BinaryMask candidate = BinaryMask.empty(w, h);
        BinaryMask faint = BinaryMask.empty(w, h);
        BinaryMask faintShadowLike = BinaryMask.empty(w, h);
        float max = 0;
        for (int i = 0; i < w * h; i++) {
            float d = difference.distance(i);
            max = Math.max(max, d);
            candidate.set(i, d > threshold);
            boolean aboveRim = d > RIM_SHARE * threshold;
            faint.set(i, aboveRim && !difference.shadowLike(i));
            faintShadowLike.set(i, aboveRim && difference.shadowLike(i));
        }
        float largest = max;
        int radius = (int) Math.round(CLEAN_UP_SHARE * Math.max(w, h));
        BinaryMask cleaned = Morphology.open(Morphology.close(candidate, radius), radius);
        ConnectedRegions regions = ConnectedRegions.of(cleaned);
        List<Region> parts = ItemChooser.choose(regions.regions(), w, h).orElseThrow(() -> new NoItemFoundException(
                source + ": no item stands out from the background (largest colour difference " + Math.round(largest)
                        + ", needed " + Math.round(threshold) + " over an area of at least "
                        + Math.round(Math.max(4, ItemChooser.MIN_AREA_SHARE * w * h)) + " pixels)"));
        java.util.Set<Integer> labels = new java.util.HashSet<>();
        parts.forEach(r -> labels.add(r.label()));
        Region main = parts.get(0);
        int longer = Math.max(main.boxWidth(), main.boxHeight());
        BinaryMask region = HoleFilling.fill(regions.mask(labels::contains));
        BinaryMask item = ShadowSuppression.apply(region, difference, longer);
        int rim = Math.max(1, (int) Math.round(RIM_SHARE_OF_ITEM * longer));
        BinaryMask near = Morphology.dilate(item, rim);
        BinaryMask grown;
        if (item.count() >= (1 - ShadowSuppression.MIN_SHADOW_SHARE) * region.count()) {
            // no shadow beside the item: its faint gray rim may come back too
            grown = Morphology.reconstruct(item, faint.or(faintShadowLike).and(near));
        } else {
            // gray parts inside the item's outline are the item's; outside it only non-shadow pixels may join
            BinaryMask outline = Morphology.close(item, ShadowSuppression.radius(longer));
            grown = Morphology.reconstruct(item, faint.and(near).or(faintShadowLike.and(outline)));
        }
        BinaryMask support = HoleFilling.fill(grown);
        BinaryMask shade = BinaryMask.empty(w, h);
        if (item != region) {
            // a shadow was taken off: where it shows through gaps in the item, it is not the item's brightness
            BinaryMask thick = ShadowSuppression.thick(support, difference, longer);
            for (int i = 0; i < w * h; i++) {
                shade.set(i, support.get(i) && difference.shadowLike(i) && !thick.get(i));
            }
        }
        float white = whiteLevel(difference, support);
        return new Segmentation(support, intensity(difference, support, shade, white), background, white, shade);
    }

    /** The item's near-brightest difference: the {@link #WHITE_PERCENTILE} of the differences in its support. */
    private static float whiteLevel(DifferenceMap difference, BinaryMask support) {
        int n = support.width() * support.height();
        float[] inside = new float[support.count()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (support.get(i)) {
                inside[k++] = difference.distance(i);
            }
        }
        Arrays.sort(inside);
        return Math.max(1f, inside[Math.min(inside.length - 1, (int) (WHITE_PERCENTILE * inside.length))]);
    }

    /** The differences inside the support and out of the shade, scaled so {@code white} is 255; 0 elsewhere. */
    private static GrayPicture intensity(DifferenceMap difference, BinaryMask support, BinaryMask shade, float white) {
        int n = support.width() * support.height();
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = support.get(i) && !shade.get(i) ? Math.min(255f, difference.distance(i) * 255f / white) : 0f;
        }
        return GrayPicture.of(support.width(), support.height(), values);
    }
}
