package io.github.fmnist.data.imageio;

import io.github.fmnist.data.imageio.ConnectedRegions.Region;

import java.util.List;
import java.util.Optional;

/**
 * Picks the item among the regions that differ from the background: the one with the best area × centrality,
 * where a region touching the frame counts less for every side it touches (props cut by the frame, a table top).
 * Smaller regions inside the item's box, enlarged by a margin, belong to it too (the straps of a sandal).
 */
final class ItemChooser {
    /** Regions smaller than this share of the picture are specks, never the item. */
    static final double MIN_AREA_SHARE = 0.0005;
    /** How much a region's score drops from the centre to a corner (1 would make corners worthless). */
    static final double CENTRALITY_WEIGHT = 0.5;
    /** A region's score is multiplied by this for each side of the frame it touches. */
    static final double FRAME_PENALTY = 0.5;
    /** Margin around the item's box, as a share of its longer side, within which other regions join it. */
    static final double COMPANION_MARGIN = 0.05;

    private ItemChooser() {
    }

    /** The labels of the item's regions, the chosen one first; empty when no region is large enough. */
    static Optional<List<Region>> choose(List<Region> regions, int width, int height) {
        double minArea = Math.max(4, MIN_AREA_SHARE * width * height);
        Region best = null;
        double bestScore = 0;
        for (Region r : regions) {
            if (r.area() < minArea) {
                continue;
            }
            double score = score(r, width, height);
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Region item = best;
        double margin = COMPANION_MARGIN * Math.max(item.boxWidth(), item.boxHeight());
        List<Region> parts = new java.util.ArrayList<>();
        parts.add(item);
        for (Region r : regions) {
            if (r != item && r.left() >= item.left() - margin && r.right() <= item.right() + margin
                    && r.top() >= item.top() - margin && r.bottom() <= item.bottom() + margin) {
                parts.add(r);
            }
        }
        return Optional.of(List.copyOf(parts));
    }

    static double score(Region r, int width, int height) {
        double dx = (r.centreX() - (width - 1) / 2.0) / (width / 2.0);
        double dy = (r.centreY() - (height - 1) / 2.0) / (height / 2.0);
        double centrality = 1 - CENTRALITY_WEIGHT * Math.min(1, (dx * dx + dy * dy) / 2);
        int sides = (r.left() == 0 ? 1 : 0) + (r.top() == 0 ? 1 : 0) + (r.right() == width - 1 ? 1 : 0)
                + (r.bottom() == height - 1 ? 1 : 0);
        return r.area() * centrality * Math.pow(FRAME_PENALTY, sides);
    }
}
