package io.github.fmnist.data.imageio;

/**
 * The item cut from the picture at its full resolution, once it has been found on the shrunk working copy: the
 * working mask, scaled up, says which pixels are the item; the background model (which works in positions, not
 * pixels) gives their background; their difference from it, at the working copy's white level, is their
 * brightness. A small item far from the camera keeps all the detail the picture has.
 */
final class FullResolutionItem {
    /** Working pixels of margin kept around the item's box. */
    static final int MARGIN = 1;

    private FullResolutionItem() {
    }

    /** The item's box from {@code full} as a gray picture (item light on black), {@code work} being its shrunk copy. */
    static GrayPicture cut(ColourPicture full, ColourPicture work, ItemSegmenter.Segmentation item) {
        BinaryMask mask = item.item();
        int[] box = box(mask);
        double sx = (double) work.width() / full.width();
        double sy = (double) work.height() / full.height();
        int left = Math.max(0, (int) Math.floor((box[0] - MARGIN) / sx));
        int top = Math.max(0, (int) Math.floor((box[1] - MARGIN) / sy));
        int right = Math.min(full.width(), (int) Math.ceil((box[2] + 1 + MARGIN) / sx));
        int bottom = Math.min(full.height(), (int) Math.ceil((box[3] + 1 + MARGIN) / sy));
        int w = right - left;
        int h = bottom - top;
        float[] values = new float[w * h];
        float[] bg = new float[3];
        float scale = 255f / item.white();
        for (int y = 0; y < h; y++) {
            // the centre of a full-resolution pixel, in working pixels
            double wy = (top + y + 0.5) * sy - 0.5;
            int my = Math.min(work.height() - 1, (int) ((top + y) * sy));
            for (int x = 0; x < w; x++) {
                int mx = Math.min(work.width() - 1, (int) ((left + x) * sx));
                if (!mask.get(mx, my) || item.shade().get(mx, my)) {
                    continue;
                }
                double wx = (left + x + 0.5) * sx - 0.5;
                item.background().colour(wx, wy, bg);
                int i = (top + y) * full.width() + left + x;
                float d = ColourDistance.rms(full.red(i) - bg[0], full.green(i) - bg[1], full.blue(i) - bg[2]);
                values[y * w + x] = Math.min(255f, d * scale);
            }
        }
        return GrayPicture.of(w, h, values);
    }

    /** left, top, right, bottom of the mask's set pixels. */
    private static int[] box(BinaryMask mask) {
        int[] box = {mask.width(), mask.height(), -1, -1};
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y)) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }
}
