package io.github.fmnist.classic;

import smile.math.MathEx;

/** Constants and the seeding rule shared by the classic providers. */
final class ClassicModels {
    /** Version of the classic providers, recorded in bundles. */
    static final String VERSION = "1.0.0";
    /** The preset that favours accuracy over training time. */
    static final String FULL_PRESET = "full";
    /** The model family. */
    static final String FAMILY = "classic";

    private ClassicModels() {
    }

    /**
     * Seeds Smile's random numbers for the calling thread. Smile keeps one generator per thread
     * ({@code MathEx.setSeed} only seeds the caller's), so every random choice must happen on a thread
     * seeded this way: trainers seed their own thread, and work they fan out seeds each task.
     */
    static void seed(long seed) {
        MathEx.setSeed(seed);
    }

    /** A well-mixed seed for task {@code index} of a training run seeded with {@code seed}. */
    static long taskSeed(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
