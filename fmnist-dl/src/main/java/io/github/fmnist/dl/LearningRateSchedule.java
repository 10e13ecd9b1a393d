package io.github.fmnist.dl;

import java.util.Locale;

/** How the learning rate changes from epoch to epoch; applied once at the start of each epoch. */
enum LearningRateSchedule {
    /** The base rate throughout (the seed's choice). */
    CONSTANT {
        @Override
        double rate(double base, int epoch, int epochs) {
            return base;
        }
    },
    /** Half a cosine from the base rate towards zero over the planned epochs. */
    COSINE {
        @Override
        double rate(double base, int epoch, int epochs) {
            return base * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
        }
    },
    /** The base rate, divided by 10 after half and again after three quarters of the epochs. */
    STEP {
        @Override
        double rate(double base, int epoch, int epochs) {
            double factor = epoch >= 0.75 * epochs ? 0.01 : epoch >= 0.5 * epochs ? 0.1 : 1;
            return base * factor;
        }
    };

    /**
     * The learning rate of {@code epoch}.
     *
     * @param epoch  0-based
     * @param epochs planned epochs
     */
    abstract double rate(double base, int epoch, int epochs);

    /** The hyperparameter word for this schedule. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LearningRateSchedule of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
