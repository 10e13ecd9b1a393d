package io.github.fmnist.data.split;

import io.github.fmnist.api.InvalidInputException;

/**
 * How much of a dataset {@link StratifiedSplit} holds out for validation: a fraction of it, or a number of images.
 *
 * <pre>{@code
 * Holdout.fraction(0.1);     // 6,000 of 60,000
 * Holdout.images(5_000);     // exactly 5,000, whatever the dataset's size
 * }</pre>
 */
public sealed interface Holdout {

    /** The number of images held out of a dataset of {@code size}. */
    int imagesOf(int size);

    /**
     * A share of the dataset, rounded to the nearest image.
     *
     * @throws InvalidInputException if the fraction is outside [0, 1)
     */
    static Holdout fraction(double fraction) {
        return new Fraction(fraction);
    }

    /**
     * Exactly {@code count} images.
     *
     * @throws InvalidInputException if {@code count} is negative
     */
    static Holdout images(int count) {
        return new Count(count);
    }

    /** A share of the dataset. */
    record Fraction(double fraction) implements Holdout {
        public Fraction {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new InvalidInputException("validation fraction must be in [0, 1), found " + fraction);
            }
        }

        @Override
        public int imagesOf(int size) {
            return (int) Math.round(size * fraction);
        }
    }

    /** A number of images. */
    record Count(int count) implements Holdout {
        public Count {
            if (count < 0) {
                throw new InvalidInputException("validation size must not be negative, found " + count);
            }
        }

        @Override
        public int imagesOf(int size) {
            if (count >= size && size > 0 || count > size) {
                throw new InvalidInputException("cannot hold out " + count + " validation images of a dataset of " + size
                        + "; at most " + Math.max(0, size - 1));
            }
            return count;
        }
    }
}
