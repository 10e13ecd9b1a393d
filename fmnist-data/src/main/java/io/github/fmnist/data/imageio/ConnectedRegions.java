package io.github.fmnist.data.imageio;

import java.util.ArrayList;
import java.util.List;

/** The 8-connected regions of a mask, each with its area, bounding box and centroid. */
final class ConnectedRegions {
    private final int width;
    private final int height;
    private final int[] labels;
    private final List<Region> regions;

    /** One region; {@code label} is its index in {@link #regions()} plus one. */
    record Region(int label, int area, int left, int top, int right, int bottom, double centreX, double centreY) {
        int boxWidth() {
            return right - left + 1;
        }

        int boxHeight() {
            return bottom - top + 1;
        }
    }

    private ConnectedRegions(int width, int height, int[] labels, List<Region> regions) {
        this.width = width;
        this.height = height;
        this.labels = labels;
        this.regions = regions;
    }

    static ConnectedRegions of(BinaryMask mask) {
        int w = mask.width();
        int h = mask.height();
        int[] labels = new int[w * h];
        int[] queue = new int[w * h];
        List<Region> regions = new ArrayList<>();
        for (int start = 0; start < labels.length; start++) {
            if (!mask.get(start) || labels[start] != 0) {
                continue;
            }
            int label = regions.size() + 1;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            labels[start] = label;
            int left = w;
            int right = -1;
            int top = h;
            int bottom = -1;
            long sumX = 0;
            long sumY = 0;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                left = Math.min(left, x);
                right = Math.max(right, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                sumX += x;
                sumY += y;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) {
                            continue;
                        }
                        int n = ny * w + nx;
                        if (labels[n] == 0 && mask.get(n)) {
                            labels[n] = label;
                            queue[tail++] = n;
                        }
                    }
                }
            }
            regions.add(new Region(label, tail, left, top, right, bottom, (double) sumX / tail, (double) sumY / tail));
        }
        return new ConnectedRegions(w, h, labels, List.copyOf(regions));
    }

    List<Region> regions() {
        return regions;
    }

    /** The pixels of the regions whose labels {@code keep} accepts. */
    BinaryMask mask(java.util.function.IntPredicate keep) {
        BinaryMask out = BinaryMask.empty(width, height);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && keep.test(labels[i])) {
                out.set(i, true);
            }
        }
        return out;
    }
}
