package io.github.fmnist.data.imageio;

import io.github.fmnist.data.imageio.ConnectedRegions.Region;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    /**
     * Above this border noise (0..255) the item is found on the median-filtered (3×3) difference map: JPEG ringing
     * and block noise, and a backdrop's grain, make isolated pixels that would start or break up regions. Its
     * brightness still comes from the unfiltered differences.
     */
    static final float NOISY_BORDER = 2f;
    /**
     * Pictures whose longer side is under this get no median filter, as they get no clean-up: their items are a few
     * pixels thin, and in a 28×28 image whose garment touches the frame the "border noise" is the garment itself.
     */
    static final int MEDIAN_MIN_SIDE = 167; // where the clean-up radius, CLEAN_UP_SHARE × side, rounds to 1
    /** The faint rim grown back around the item needs only this share of the threshold. */
    static final float RIM_SHARE = 0.5f;
    /** Radius of the clean-up (closing, then opening) as a share of the picture's longer side. */
    static final double CLEAN_UP_SHARE = 0.003;
    /** How far the rim may grow beyond the item, as a share of the item's longer side. */
    static final double RIM_SHARE_OF_ITEM = 0.04;
    /** The item's brightest pixel in the result is this percentile of its differences (ignores JPEG outliers). */
    static final double WHITE_PERCENTILE = 0.999;
    /** ... or this one on a noisy border (above {@link #NOISY_BORDER}), where more of the brightest are noise. */
    static final double NOISY_WHITE_PERCENTILE = 0.99;

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
        BackgroundModel background = BackgroundModel.fit(picture);
        DifferenceMap difference = DifferenceMap.of(picture, background);
        float threshold = Math.max(MIN_CONTRAST, THRESHOLD_WIDTHS * background.noise());
        boolean noisy = background.noise() > NOISY_BORDER
                && Math.max(picture.width(), picture.height()) >= MEDIAN_MIN_SIDE;
        DifferenceMap forMask = noisy ? difference.medianFiltered() : difference;
        ChosenRegion chosen = chooseRegion(forMask, threshold, source);
        BinaryMask item = ShadowSuppression.apply(chosen.mask(), difference, chosen.longerSide(), threshold);
        boolean shadowTakenOff = item != chosen.mask();
        BinaryMask support = HoleFilling.fill(growRim(item, difference, threshold, chosen.longerSide(),
                shadowTakenOff));
        BinaryMask shade = shadowTakenOff ? shade(support, difference, chosen.longerSide())
                : BinaryMask.empty(support.width(), support.height());
        float white = whiteLevel(difference, support, noisy ? NOISY_WHITE_PERCENTILE : WHITE_PERCENTILE);
        return new Segmentation(support, intensity(difference, support, shade, white), background, white, shade);
    }

    /** The item's region (holes filled) and the longer side of its main part's box. */
    private record ChosenRegion(BinaryMask mask, int longerSide) {
    }

    private static ChosenRegion chooseRegion(DifferenceMap difference, float threshold, String source) {
        int w = difference.width();
        int h = difference.height();
        BinaryMask candidate = BinaryMask.empty(w, h);
        float largest = 0;
        for (int i = 0; i < w * h; i++) {
            largest = Math.max(largest, difference.distance(i));
            candidate.set(i, difference.distance(i) > threshold);
        }
        int radius = (int) Math.round(CLEAN_UP_SHARE * Math.max(w, h));
        ConnectedRegions regions = ConnectedRegions.of(Morphology.open(Morphology.close(candidate, radius), radius));
        Optional<List<Region>> parts = ItemChooser.choose(regions.regions(), w, h);
        if (parts.isEmpty()) {
            throw new NoItemFoundException(source + ": no item stands out from the background (largest colour "
                    + "difference " + Math.round(largest) + ", needed " + Math.round(threshold) + " over an area of at "
                    + "least " + Math.round(Math.max(4, ItemChooser.MIN_AREA_SHARE * w * h)) + " pixels)");
        }
        Set<Integer> labels = new HashSet<>();
        parts.get().forEach(r -> labels.add(r.label()));
        Region main = parts.get().get(0);
        return new ChosenRegion(HoleFilling.fill(regions.mask(labels::contains)),
                Math.max(main.boxWidth(), main.boxHeight()));
    }

    /**
     * The item with its faint rim: pixels above {@link #RIM_SHARE} of the threshold, connected to it and within
     * {@link #RIM_SHARE_OF_ITEM} of its size. When a shadow was taken off, shadow-like pixels come back only inside
     * the item's closed outline (gray parts of the item), not beside it (the shadow).
     */
    private static BinaryMask growRim(BinaryMask item, DifferenceMap difference, float threshold, int longer,
            boolean shadowTakenOff) {
        int n = item.width() * item.height();
        BinaryMask faint = BinaryMask.empty(item.width(), item.height());
        BinaryMask faintShadowLike = BinaryMask.empty(item.width(), item.height());
        for (int i = 0; i < n; i++) {
            boolean aboveRim = difference.distance(i) > RIM_SHARE * threshold;
            faint.set(i, aboveRim && !difference.shadowLike(i));
            faintShadowLike.set(i, aboveRim && difference.shadowLike(i));
        }
        int rim = Math.max(1, (int) Math.round(RIM_SHARE_OF_ITEM * longer));
        BinaryMask near = Morphology.dilate(item, rim);
        if (!shadowTakenOff) {
            return Morphology.reconstruct(item, faint.or(faintShadowLike).and(near));
        }
        BinaryMask outline = Morphology.close(item, ShadowSuppression.radius(longer));
        return Morphology.reconstruct(item, faint.and(near).or(faintShadowLike.and(outline)));
    }

    /** Where a cast shadow shows through gaps in the item: the thin shadow-like parts of its support. */
    private static BinaryMask shade(BinaryMask support, DifferenceMap difference, int longer) {
        BinaryMask thick = ShadowSuppression.thick(support, difference, longer);
        BinaryMask shade = BinaryMask.empty(support.width(), support.height());
        for (int i = 0; i < support.width() * support.height(); i++) {
            shade.set(i, support.get(i) && difference.shadowLike(i) && !thick.get(i));
        }
        return shade;
    }

    /** The item's near-brightest difference: the {@code percentile} of the differences in its support. */
    private static float whiteLevel(DifferenceMap difference, BinaryMask support, double percentile) {
        int n = support.width() * support.height();
        float[] inside = new float[support.count()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (support.get(i)) {
                inside[k++] = difference.distance(i);
            }
        }
        Arrays.sort(inside);
        return Math.max(1f, inside[Math.min(inside.length - 1, (int) (percentile * inside.length))]);
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
