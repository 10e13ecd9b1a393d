package io.github.fmnist.classic;

import smile.math.MathEx;

/** Constants and the seeding rule shared by the classic providers. */
final class ClassicModels {
    /**
     * Version of the classic providers, recorded in bundles. 2.0 stores models as plain numbers; 1.x bundles hold
     * Java-serialised Smile objects, which 2.x refuses to read (see {@link JavaSerializedBundles}).
     */
    static final String VERSION = "2.0.0";
    /** The preset that favours accuracy over training time. */
    static final String FULL_PRESET = "full";
    /** The model family. */
    static final String FAMILY = "classic";

    private ClassicModels() {
    }

    /** What to tell the owner of a bundle written by provider version {@code bundleVersion}, which this one cannot read. */
    static String unreadableVersionAdvice(String bundleVersion) {
        if (bundleVersion.startsWith("1.")) {
            return "fmnist-classic " + VERSION + " stores models as plain numbers and no longer reads the Java-serialised"
                    + " payloads of 1.x bundles, which can make loading run for minutes or worse. If you trust this file"
                    + " (you made it, or got it from someone you trust), convert it once with `fmnist upgrade-bundle"
                    + " --trust-java-serialization IN OUT` (or JavaSerializedBundles.upgrade), or train the model again";
        }
        return "use the fmnist-classic version that wrote it";
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
