package io.github.fmnist.ensemble;

import io.github.fmnist.api.network.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The views of an image each member votes on, each with equal weight: the image itself, with {@code shift-tta = s}
 * also its translations by 1 to {@code s} pixels left, right, up and down (zero-filled), and with {@code flip-tta}
 * the mirror of every one of those.
 *
 * @param shift largest translation in pixels, 0 for none
 * @param flip  whether every view is also mirrored
 */
record TestTimeViews(int shift, boolean flip) {
    /** Largest translation the {@code shift-tta} hyperparameter allows. */
    static final int MAX_SHIFT = 4;

    TestTimeViews {
        if (shift < 0 || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("shift " + shift + " not in [0, " + MAX_SHIFT + "]");
        }
    }

    /**
     * One view: translate by {@code (dx, dy)} then mirror if {@code mirrored}. Its {@link #name()} is the prefix the
     * description gives it: {@code ""} for the image itself (so a shift-free description is unchanged),
     * {@code "flip."}, {@code "left1."}, {@code "flip.left1."}, ...
     */
    record View(int dx, int dy, boolean mirrored) {
        boolean shifted() {
            return dx != 0 || dy != 0;
        }

        String shiftName() {
            if (dx < 0) {
                return "left" + -dx;
            } else if (dx > 0) {
                return "right" + dx;
            } else if (dy < 0) {
                return "up" + -dy;
            }
            return "down" + dy;
        }

        String name() {
            return (mirrored ? EnsembleDescription.FLIP + "." : "") + (shifted() ? shiftName() + "." : "");
        }

        /** The description node holding this view of the input: the input itself, or the node {@link #name()} less its dot. */
        String node(String input) {
            String name = name();
            return name.isEmpty() ? input : name.substring(0, name.length() - 1);
        }

        /** This view of {@code nchw}: a new array, or {@code nchw} itself for the identity. */
        float[] apply(float[] nchw) {
            float[] shifted = shifted() ? ImageShift.of(nchw, dx, dy) : nchw;
            return mirrored ? Layer.FlipHorizontal.apply(shifted) : shifted;
        }
    }

    /** Every view, the image itself first: unshifted, then each translation; each followed by its mirror with flips. */
    List<View> views() {
        List<int[]> offsets = new ArrayList<>();
        offsets.add(new int[] {0, 0});
        for (int d = 1; d <= shift; d++) {
            offsets.add(new int[] {-d, 0});
            offsets.add(new int[] {d, 0});
            offsets.add(new int[] {0, -d});
            offsets.add(new int[] {0, d});
        }
        List<View> views = new ArrayList<>();
        for (int[] o : offsets) {
            views.add(new View(o[0], o[1], false));
            if (flip) {
                views.add(new View(o[0], o[1], true));
            }
        }
        return views;
    }
}
