package io.github.fmnist.data.imageio;

/** Fills the holes of a mask: background pixels that cannot be reached from the frame through background. */
final class HoleFilling {
    private HoleFilling() {
    }

    static BinaryMask fill(BinaryMask mask) {
        int w = mask.width();
        int h = mask.height();
        boolean[] outside = new boolean[w * h];
        int[] queue = new int[w * h];
        int tail = 0;
        for (int x = 0; x < w; x++) {
            tail = seed(mask, outside, queue, tail, x);
            tail = seed(mask, outside, queue, tail, (h - 1) * w + x);
        }
        for (int y = 0; y < h; y++) {
            tail = seed(mask, outside, queue, tail, y * w);
            tail = seed(mask, outside, queue, tail, y * w + w - 1);
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int x = i % w;
            int y = i / w;
            if (x > 0) {
                tail = seed(mask, outside, queue, tail, i - 1);
            }
            if (x < w - 1) {
                tail = seed(mask, outside, queue, tail, i + 1);
            }
            if (y > 0) {
                tail = seed(mask, outside, queue, tail, i - w);
            }
            if (y < h - 1) {
                tail = seed(mask, outside, queue, tail, i + w);
            }
        }
        BinaryMask filled = BinaryMask.empty(w, h);
        for (int i = 0; i < outside.length; i++) {
            filled.set(i, !outside[i]);
        }
        return filled;
    }

    private static int seed(BinaryMask mask, boolean[] outside, int[] queue, int tail, int i) {
        if (!mask.get(i) && !outside[i]) {
            outside[i] = true;
            queue[tail++] = i;
        }
        return tail;
    }
}
