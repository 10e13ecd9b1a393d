package io.github.fmnist.explain.network;

import io.github.fmnist.api.Image;
import java.util.Random;

/**
 * Synthetic images for the tests: one 7×7 shape per image (class 0 horizontal bar, 1 vertical bar,
 * 2 hollow square, 3 diagonal cross) at a random place on faint noise. Only the shape tells the class,
 * so a faithful explanation must point at it.
 */
public final class Shapes {
    /** Side of a shape. */
    public static final int SHAPE = 7;
    /** Number of classes used (labels 0..3). */
    public static final int CLASSES = 4;

    /** Images (n × 784, normalised) with labels and the top-left corner of each shape. */
    public record Data(float[] images, int[] labels, int[] rows, int[] columns) {
        public int size() {
            return labels.length;
        }

        public float[] image(int i) {
            float[] out = new float[Image.PIXELS];
            System.arraycopy(images, i * Image.PIXELS, out, 0, Image.PIXELS);
            return out;
        }

        /** Whether pixel {@code p} of image {@code i} belongs to the shape's 7×7 box. */
        public boolean inShapeBox(int i, int p) {
            int r = p / Image.SIDE - rows[i];
            int c = p % Image.SIDE - columns[i];
            return r >= 0 && r < SHAPE && c >= 0 && c < SHAPE;
        }
    }

    private Shapes() {
    }

    public static Data generate(int count, long seed) {
        Random random = new Random(seed);
        float[] images = new float[count * Image.PIXELS];
        int[] labels = new int[count];
        int[] rows = new int[count];
        int[] columns = new int[count];
        for (int n = 0; n < count; n++) {
            int offset = n * Image.PIXELS;
            for (int p = 0; p < Image.PIXELS; p++) {
                images[offset + p] = random.nextFloat() * 0.1f;
            }
            int label = random.nextInt(CLASSES);
            int top = 1 + random.nextInt(Image.SIDE - SHAPE - 1);
            int left = 1 + random.nextInt(Image.SIDE - SHAPE - 1);
            float intensity = 0.7f + 0.3f * random.nextFloat();
            for (int r = 0; r < SHAPE; r++) {
                for (int c = 0; c < SHAPE; c++) {
                    if (on(label, r, c)) {
                        images[offset + (top + r) * Image.SIDE + left + c] = intensity;
                    }
                }
            }
            labels[n] = label;
            rows[n] = top;
            columns[n] = left;
        }
        return new Data(images, labels, rows, columns);
    }

    private static boolean on(int label, int r, int c) {
        return switch (label) {
            case 0 -> r >= 2 && r <= 4;
            case 1 -> c >= 2 && c <= 4;
            case 2 -> r == 0 || r == SHAPE - 1 || c == 0 || c == SHAPE - 1;
            default -> r == c || r == SHAPE - 1 - c;
        };
    }
}
