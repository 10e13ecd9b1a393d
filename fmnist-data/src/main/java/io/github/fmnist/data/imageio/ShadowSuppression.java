package io.github.fmnist.data.imageio;

import java.util.Arrays;

/**
 * Takes a soft shadow off an item's region. A shadow-like pixel (darker than the background, same chroma) may be
 * shadow or a gray part of the item itself: the two look alike pixel by pixel. What tells them apart is shape: a
 * drop shadow shows as a thin crescent beside the item, while a gray garment is a thick body. So the shadow-like
 * part of the region is opened with a square a few percent of the item's size: thin crescents go, thick bodies
 * stay, and the item is the rest of the region plus those bodies. A soft shadow also fades into the background, so
 * along its outer edge it barely clears the threshold, while a gray part of the item ends in a clear edge: what does
 * not fade out stays with the item.
 */
final class ShadowSuppression {
    /** Radius of the opening as a share of the region's longer side. */
    static final double CRESCENT_SHARE = 0.05;
    /** Below this share of the region, what the opening took off is not a shadow but the item's own faint rim. */
    static final double MIN_SHADOW_SHARE = 0.05;
    /** A shadow sticks out beyond the item by at least this share of the item's longer side. */
    static final double MIN_OFFSET_SHARE = 0.015;
    /** ... and by at most this share. */
    static final double MAX_OFFSET_SHARE = 0.08;
    /** Share of the taken-off pixels the shifted item must cover to call them its shadow. */
    static final double MIN_COVERAGE = 0.6;
    /** Taken-off pixels probed per offset (evenly spread). */
    static final int MAX_PROBES = 256;
    /** Share of what the shifted item adds beside the item that must be shadow-like. */
    static final double MIN_COMPLETENESS = 0.5;
    /** A soft shadow's outer edge differs from the background by at most this many thresholds (median). */
    static final float MAX_EDGE_THRESHOLDS = 2.5f;

    private ShadowSuppression() {
    }

    /** The opening's radius for an item whose longer side is {@code longerSide} pixels. */
    static int radius(int longerSide) {
        return Math.max(1, (int) Math.round(CRESCENT_SHARE * longerSide));
    }

    /**
     * The item within {@code region}: its non-shadow pixels, the thick shadow-like parts, holes filled. The region
     * itself if that leaves nothing, or if what would go is not a soft drop shadow.
     *
     * @param threshold the difference that made a pixel part of the region
     */
    static BinaryMask apply(BinaryMask region, DifferenceMap difference, int longerSide, float threshold) {
        BinaryMask core = BinaryMask.empty(region.width(), region.height());
        int n = region.width() * region.height();
        for (int i = 0; i < n; i++) {
            core.set(i, region.get(i) && !difference.shadowLike(i));
        }
        BinaryMask item = HoleFilling.fill(core.or(thick(region, difference, longerSide))).and(region);
        return item.count() > 0 && castsAShadow(region, item, longerSide)
                && fadesOut(region, item, difference, threshold) ? item : region;
    }

    /**
     * Whether what would be taken off fades into the background like a soft shadow: the median difference along its
     * outer edge (its pixels next to the background) is at most {@link #MAX_EDGE_THRESHOLDS} thresholds. A light-gray
     * part of a dark garment on white is shadow-like pixel by pixel and may even be shaped like a shifted silhouette,
     * but it ends in a clear step to the background.
     */
    static boolean fadesOut(BinaryMask region, BinaryMask item, DifferenceMap difference, float threshold) {
        int w = region.width();
        int h = region.height();
        float[] edge = new float[region.count() - item.count()];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (region.get(x, y) && !item.get(x, y) && nextToBackground(region, x, y)) {
                    edge[n++] = difference.distance(y * w + x);
                }
            }
        }
        if (n == 0) {
            return false;
        }
        Arrays.sort(edge, 0, n);
        return edge[n / 2] <= MAX_EDGE_THRESHOLDS * threshold;
    }

    private static boolean nextToBackground(BinaryMask region, int x, int y) {
        return x == 0 || y == 0 || x == region.width() - 1 || y == region.height() - 1 || !region.get(x - 1, y)
                || !region.get(x + 1, y) || !region.get(x, y - 1) || !region.get(x, y + 1);
    }

    /** The thick shadow-like parts of {@code region}: what the opening keeps (gray bodies, not crescents). */
    static BinaryMask thick(BinaryMask region, DifferenceMap difference, int longerSide) {
        BinaryMask shadowLike = BinaryMask.empty(region.width(), region.height());
        int n = region.width() * region.height();
        for (int i = 0; i < n; i++) {
            shadowLike.set(i, region.get(i) && difference.shadowLike(i));
        }
        return Morphology.open(shadowLike, radius(longerSide));
    }

    /**
     * Whether what was taken off looks like a drop shadow: at least {@link #MIN_SHADOW_SHARE} of the region, and
     * mostly covered by the item shifted by some offset (a shadow is the item's silhouette moved aside). Thin gray
     * parts of the item itself (sleeves, straps, a sole) are not a shifted copy of the rest, so they stay.
     */
    static boolean castsAShadow(BinaryMask region, BinaryMask item, int longerSide) {
        int regionCount = region.count();
        if (item.count() > (1 - MIN_SHADOW_SHARE) * regionCount) {
            return false;
        }
        int w = region.width();
        int[] removed = new int[MAX_PROBES];
        int total = regionCount - item.count();
        int stride = Math.max(1, total / MAX_PROBES);
        int n = 0;
        int seen = 0;
        for (int i = 0; i < w * region.height() && n < MAX_PROBES; i++) {
            if (region.get(i) && !item.get(i) && seen++ % stride == 0) {
                removed[n++] = i;
            }
        }
        int least = Math.max(1, (int) Math.round(MIN_OFFSET_SHARE * longerSide));
        int most = Math.max(least, (int) Math.round(MAX_OFFSET_SHARE * longerSide));
        int bestCovered = -1;
        int bestX = 0;
        int bestY = 0;
        for (int dy = -most; dy <= most; dy++) {
            for (int dx = -most; dx <= most; dx++) {
                if (Math.abs(dx) < least || Math.abs(dy) < least) {
                    continue; // a drop shadow falls aside and down (or up): both offsets show
                }
                int covered = 0;
                for (int k = 0; k < n; k++) {
                    int x = removed[k] % w - dx;
                    int y = removed[k] / w - dy;
                    if (x >= 0 && y >= 0 && x < w && y < region.height() && item.get(x, y)) {
                        covered++;
                    }
                }
                if (covered > bestCovered) {
                    bestCovered = covered;
                    bestX = dx;
                    bestY = dy;
                }
            }
        }
        if (bestCovered < MIN_COVERAGE * n) {
            return false;
        }
        // and the shadow must be most of what the shifted item adds (a rim along one side is only a sliver of
        // it), on that side only: a light rim all round the item fills the opposite side as well
        double ahead = completeness(region, item, bestX, bestY);
        double behind = completeness(region, item, -bestX, -bestY);
        return ahead >= MIN_COMPLETENESS && ahead - behind >= MIN_COMPLETENESS / 2;
    }

    /** The share of the pixels that {@code item} shifted by (dx, dy) adds beside itself that lie in {@code region}. */
    private static double completeness(BinaryMask region, BinaryMask item, int dx, int dy) {
        int w = region.width();
        int h = region.height();
        int added = 0;
        int addedAndRemoved = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x - dx;
                int sy = y - dy;
                if (sx >= 0 && sy >= 0 && sx < w && sy < h && item.get(sx, sy) && !item.get(x, y)) {
                    added++;
                    if (region.get(x, y)) {
                        addedAndRemoved++;
                    }
                }
            }
        }
        return added == 0 ? 0 : (double) addedAndRemoved / added;
    }
}
