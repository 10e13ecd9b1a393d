package io.github.fmnist.data.imageio;

/**
 * Takes a soft shadow off an item's region. A shadow-like pixel (darker than the background, same chroma) may be
 * shadow or a gray part of the item itself: the two look alike pixel by pixel. What tells them apart is shape: a
 * drop shadow shows as a thin crescent beside the item, while a gray garment is a thick body. So the shadow-like
 * part of the region is opened with a square a few percent of the item's size: thin crescents go, thick bodies
 * stay, and the item is the rest of the region plus those bodies.
 */
final class ShadowSuppression {
    /** Radius of the opening as a share of the region's longer side. */
    static final double CRESCENT_SHARE = 0.05;
    /** Below this share of the region, what the opening took off is not a shadow but the item's own faint rim. */
    static final double MIN_SHADOW_SHARE = 0.03;

    private ShadowSuppression() {
    }

    /** The opening's radius for an item whose longer side is {@code longerSide} pixels. */
    static int radius(int longerSide) {
        return Math.max(1, (int) Math.round(CRESCENT_SHARE * longerSide));
    }

    /**
     * The item within {@code region}: its non-shadow pixels, the thick shadow-like parts, holes filled. The region
     * itself if that leaves nothing.
     */
    static BinaryMask apply(BinaryMask region, DifferenceMap difference, int longerSide) {
        int n = region.width() * region.height();
        BinaryMask core = BinaryMask.empty(region.width(), region.height());
        BinaryMask shadowLike = BinaryMask.empty(region.width(), region.height());
        for (int i = 0; i < n; i++) {
            if (region.get(i)) {
                if (difference.shadowLike(i)) {
                    shadowLike.set(i, true);
                } else {
                    core.set(i, true);
                }
            }
        }
        BinaryMask item = HoleFilling.fill(core.or(Morphology.open(shadowLike, radius(longerSide)))).and(region);
        return item.count() == 0 ? region : item;
    }
}
