package io.github.fmnist.testkit;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import java.util.SplittableRandom;

/**
 * Small synthetic, learnable stand-ins for Fashion-MNIST, for fast unit tests only (never for benchmarks).
 * Each class is a fixed random arrangement of bright rectangles; examples are that template shifted by up
 * to one pixel, with random brightness and noise. Linear models and small networks separate the classes
 * easily, so a working classifier reaches high accuracy after very little training.
 *
 * <pre>{@code
 * LabeledDataset train = SyntheticFashion.dataset(500, 1L);
 * }</pre>
 */
public final class SyntheticFashion {
    private static final long TEMPLATE_SEED = 0x5EEDL;
    private static final float[][] TEMPLATES = templates();

    private SyntheticFashion() {
    }

    /** {@code size} examples with labels cycling through the ten classes; the same seed gives the same data. */
    public static LabeledDataset dataset(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[Math.multiplyExact(size, Image.PIXELS)];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % FashionClass.COUNT;
            render(TEMPLATES[labels[i]], random, pixels, i * Image.PIXELS);
        }
        return LabeledDataset.of(ImageBatch.ofPixels(pixels), labels);
    }

    private static void render(float[] template, SplittableRandom random, byte[] target, int offset) {
        int dy = random.nextInt(3) - 1;
        int dx = random.nextInt(3) - 1;
        double brightness = 0.7 + 0.3 * random.nextDouble();
        for (int y = 0; y < Image.SIDE; y++) {
            for (int x = 0; x < Image.SIDE; x++) {
                int sy = y - dy;
                int sx = x - dx;
                double v = sy >= 0 && sy < Image.SIDE && sx >= 0 && sx < Image.SIDE ? template[sy * Image.SIDE + sx] : 0;
                v = v * brightness + 0.08 * random.nextGaussian();
                target[offset + y * Image.SIDE + x] = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
            }
        }
    }

    private static float[][] templates() {
        SplittableRandom random = new SplittableRandom(TEMPLATE_SEED);
        float[][] out = new float[FashionClass.COUNT][Image.PIXELS];
        for (float[] template : out) {
            for (int r = 0; r < 3; r++) {
                int h = 4 + random.nextInt(12);
                int w = 4 + random.nextInt(12);
                int top = 2 + random.nextInt(Image.SIDE - 4 - h);
                int left = 2 + random.nextInt(Image.SIDE - 4 - w);
                for (int y = top; y < top + h; y++) {
                    for (int x = left; x < left + w; x++) {
                        template[y * Image.SIDE + x] = 1f;
                    }
                }
            }
        }
        return out;
    }
}
