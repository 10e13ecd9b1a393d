package io.github.fmnist.data.imageio;

/**
 * Binary dilation, erosion, opening and closing with a square of side 2r + 1, in time independent of r (a running
 * count per row, then per column). Outside the picture counts as background for dilation and as foreground for
 * erosion, so an item cut by the frame is not eaten from that side.
 */
final class Morphology {
    private Morphology() {
    }

    static BinaryMask dilate(BinaryMask mask, int radius) {
        if (radius <= 0) {
            return mask.copy();
        }
        return columns(rows(mask, radius, true), radius, true);
    }

    static BinaryMask erode(BinaryMask mask, int radius) {
        if (radius <= 0) {
            return mask.copy();
        }
        return columns(rows(mask, radius, false), radius, false);
    }

    /** Erosion then dilation: removes specks and threads thinner than 2r + 1. */
    static BinaryMask open(BinaryMask mask, int radius) {
        return dilate(erode(mask, radius), radius);
    }

    /** Dilation then erosion: bridges gaps narrower than 2r + 1 and fills small dents. */
    static BinaryMask close(BinaryMask mask, int radius) {
        return erode(dilate(mask, radius), radius);
    }

    /**
     * Reconstruction by dilation: the pixels of {@code limit} 8-connected, through {@code limit}, to a pixel of
     * {@code seed}; seed pixels outside {@code limit} are kept as well.
     */
    static BinaryMask reconstruct(BinaryMask seed, BinaryMask limit) {
        int w = seed.width();
        int h = seed.height();
        BinaryMask out = seed.copy();
        int[] queue = new int[w * h];
        int tail = 0;
        for (int i = 0; i < w * h; i++) {
            if (seed.get(i)) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int x = i % w;
            int y = i / w;
            for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                    int n = ny * w + nx;
                    if (!out.get(n) && limit.get(n)) {
                        out.set(n, true);
                        queue[tail++] = n;
                    }
                }
            }
        }
        return out;
    }

    /**
     * One pass of a square's side along the rows: dilation sets a pixel when its window holds a set pixel, erosion
     * clears it when the window holds a clear one (pixels outside the picture are never counted).
     */
    private static BinaryMask rows(BinaryMask mask, int r, boolean dilation) {
        int w = mask.width();
        int h = mask.height();
        BinaryMask out = BinaryMask.empty(w, h);
        for (int y = 0; y < h; y++) {
            int base = y * w;
            int count = 0;
            for (int x = 0; x < Math.min(w, r); x++) {
                count += mask.get(base + x) == dilation ? 1 : 0;
            }
            for (int x = 0; x < w; x++) {
                int enter = x + r;
                if (enter < w && mask.get(base + enter) == dilation) {
                    count++;
                }
                int leave = x - r - 1;
                if (leave >= 0 && mask.get(base + leave) == dilation) {
                    count--;
                }
                out.set(base + x, (count > 0) == dilation);
            }
        }
        return out;
    }

    private static BinaryMask columns(BinaryMask mask, int r, boolean dilation) {
        int w = mask.width();
        int h = mask.height();
        BinaryMask out = BinaryMask.empty(w, h);
        int[] count = new int[w];
        for (int y = 0; y < Math.min(h, r); y++) {
            for (int x = 0; x < w; x++) {
                count[x] += mask.get(y * w + x) == dilation ? 1 : 0;
            }
        }
        for (int y = 0; y < h; y++) {
            int enter = y + r;
            int leave = y - r - 1;
            for (int x = 0; x < w; x++) {
                if (enter < h && mask.get(enter * w + x) == dilation) {
                    count[x]++;
                }
                if (leave >= 0 && mask.get(leave * w + x) == dilation) {
                    count[x]--;
                }
                out.set(y * w + x, (count[x] > 0) == dilation);
            }
        }
        return out;
    }
}
