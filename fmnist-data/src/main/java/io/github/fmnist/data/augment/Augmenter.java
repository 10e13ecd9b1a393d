package io.github.fmnist.data.augment;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Random image augmentation for training: shift (pad with black, then crop back to 28×28), horizontal flip and
 * random erasing, applied in that order. Immutable and thread-safe; every random choice comes from the seed or
 * the {@link SplittableRandom} passed in, so results are reproducible.
 *
 * <p>Random erasing (Zhong et al., 2017) picks a rectangle covering a random share of the image in
 * {@code [minArea, maxArea]} with an aspect ratio in [0.3, 3.3] and fills it with random pixel values.
 *
 * <pre>{@code
 * Augmenter augmenter = Augmenter.builder().shift(2).horizontalFlip(0.5).randomErasing(0.25, 0.02, 0.2).build();
 * ImageBatch augmented = augmenter.apply(batch, seed ^ epoch);
 * }</pre>
 */
public final class Augmenter {
    private static final double MIN_ASPECT = 0.3;
    private static final double MAX_ASPECT = 1 / 0.3;
    private static final int ERASING_ATTEMPTS = 10;
    private static final Augmenter NONE = new Augmenter(new Builder());

    private final int maxShift;
    private final double flipProbability;
    private final double erasingProbability;
    private final double erasingMinArea;
    private final double erasingMaxArea;

    private Augmenter(Builder builder) {
        this.maxShift = builder.maxShift;
        this.flipProbability = builder.flipProbability;
        this.erasingProbability = builder.erasingProbability;
        this.erasingMinArea = builder.erasingMinArea;
        this.erasingMaxArea = builder.erasingMaxArea;
    }

    /** A builder with every augmentation off. */
    public static Builder builder() {
        return new Builder();
    }

    /** An augmenter that returns images unchanged. */
    public static Augmenter none() {
        return NONE;
    }

    /**
     * Augments every image of a batch. Image {@code i} uses its own random stream derived from
     * {@code (seed, i)}, so the result does not depend on how the work is scheduled.
     */
    public ImageBatch apply(ImageBatch batch, long seed) {
        byte[] pixels = batch.pixels();
        byte[] source = new byte[Image.PIXELS];
        byte[] target = new byte[Image.PIXELS];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(pixels, i * Image.PIXELS, source, 0, Image.PIXELS);
            apply(source, target, new SplittableRandom(imageSeed(seed, i)));
            System.arraycopy(target, 0, pixels, i * Image.PIXELS, Image.PIXELS);
        }
        return ImageBatch.ofPixels(pixels);
    }

    /**
     * Augments one 28×28 image. {@code source} and {@code target} may be the same array.
     *
     * @throws InvalidInputException if either array does not hold 784 bytes
     */
    public void apply(byte[] source784, byte[] target784, SplittableRandom random) {
        Objects.requireNonNull(random, "random");
        if (source784.length != Image.PIXELS || target784.length != Image.PIXELS) {
            throw new InvalidInputException("augmentation needs 784-byte images, found " + source784.length
                    + " and " + target784.length);
        }
        byte[] work = source784 == target784 ? source784.clone() : source784;
        shift(work, target784, random);
        if (flipProbability > 0 && random.nextDouble() < flipProbability) {
            flip(target784);
        }
        if (erasingProbability > 0 && random.nextDouble() < erasingProbability) {
            erase(target784, random);
        }
    }

    private void shift(byte[] source, byte[] target, SplittableRandom random) {
        if (maxShift == 0) {
            System.arraycopy(source, 0, target, 0, Image.PIXELS);
            return;
        }
        int dx = random.nextInt(-maxShift, maxShift + 1);
        int dy = random.nextInt(-maxShift, maxShift + 1);
        for (int row = 0; row < Image.SIDE; row++) {
            int sourceRow = row - dy;
            for (int col = 0; col < Image.SIDE; col++) {
                int sourceCol = col - dx;
                boolean inside = sourceRow >= 0 && sourceRow < Image.SIDE && sourceCol >= 0 && sourceCol < Image.SIDE;
                target[row * Image.SIDE + col] = inside ? source[sourceRow * Image.SIDE + sourceCol] : 0;
            }
        }
    }

    private static void flip(byte[] image) {
        for (int row = 0; row < Image.SIDE; row++) {
            int base = row * Image.SIDE;
            for (int left = 0, right = Image.SIDE - 1; left < right; left++, right--) {
                byte t = image[base + left];
                image[base + left] = image[base + right];
                image[base + right] = t;
            }
        }
    }

    private void erase(byte[] image, SplittableRandom random) {
        for (int attempt = 0; attempt < ERASING_ATTEMPTS; attempt++) {
            double area = Image.PIXELS * (erasingMinArea + (erasingMaxArea - erasingMinArea) * random.nextDouble());
            double aspect = Math.exp(Math.log(MIN_ASPECT) + (Math.log(MAX_ASPECT) - Math.log(MIN_ASPECT))
                    * random.nextDouble());
            int height = (int) Math.round(Math.sqrt(area * aspect));
            int width = (int) Math.round(Math.sqrt(area / aspect));
            if (height < 1 || width < 1 || height > Image.SIDE || width > Image.SIDE) {
                continue;
            }
            int top = random.nextInt(Image.SIDE - height + 1);
            int left = random.nextInt(Image.SIDE - width + 1);
            for (int row = top; row < top + height; row++) {
                for (int col = left; col < left + width; col++) {
                    image[row * Image.SIDE + col] = (byte) random.nextInt(256);
                }
            }
            return;
        }
    }

    static long imageSeed(long seed, int index) {
        long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "Augmenter[shift=" + maxShift + ", flip=" + flipProbability + ", erasing=" + erasingProbability
                + " area " + erasingMinArea + ".." + erasingMaxArea + "]";
    }

    /** Configures an {@link Augmenter}; every augmentation starts switched off. */
    public static final class Builder {
        private int maxShift;
        private double flipProbability;
        private double erasingProbability;
        private double erasingMinArea = 0.02;
        private double erasingMaxArea = 0.4;

        private Builder() {
        }

        /**
         * Shift each image by a random offset in {@code [-maxPixels, maxPixels]} along both axes (pad with black,
         * crop back to 28×28).
         *
         * @param maxPixels 0 (off) to 27
         */
        public Builder shift(int maxPixels) {
            if (maxPixels < 0 || maxPixels >= Image.SIDE) {
                throw new InvalidInputException("shift must be in 0..27 pixels, found " + maxPixels);
            }
            this.maxShift = maxPixels;
            return this;
        }

        /** Mirror left-right with probability {@code p} in [0, 1]. */
        public Builder horizontalFlip(double p) {
            this.flipProbability = probability("flip", p);
            return this;
        }

        /**
         * With probability {@code p}, overwrite a random rectangle covering between {@code minArea} and
         * {@code maxArea} of the image (fractions, {@code 0 < minArea <= maxArea <= 1}) with random pixels.
         */
        public Builder randomErasing(double p, double minArea, double maxArea) {
            if (!(minArea > 0 && minArea <= maxArea && maxArea <= 1)) {
                throw new InvalidInputException("random erasing needs 0 < minArea <= maxArea <= 1, found "
                        + minArea + " and " + maxArea);
            }
            this.erasingProbability = probability("random erasing", p);
            this.erasingMinArea = minArea;
            this.erasingMaxArea = maxArea;
            return this;
        }

        public Augmenter build() {
            return new Augmenter(this);
        }

        private static double probability(String what, double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new InvalidInputException(what + " probability must be in [0, 1], found " + p);
            }
            return p;
        }
    }
}
