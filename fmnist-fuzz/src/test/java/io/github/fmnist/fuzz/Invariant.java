package io.github.fmnist.fuzz;

import io.github.fmnist.api.FmnistException;

/**
 * The invariant every fuzz target checks: an input ends in a valid result or in one of fmnist's typed exceptions
 * ({@link FmnistException} and its subtypes). Anything else thrown (a raw runtime exception, an I/O exception, an
 * {@link Error} such as {@link OutOfMemoryError} or {@link StackOverflowError}) propagates and is a finding; so is
 * running past the per-input timeout.
 */
final class Invariant {
    /** What a target does with one input; it checks its own result and throws if that result is invalid. */
    @FunctionalInterface
    interface Attempt {
        void run() throws Exception;
    }

    private Invariant() {
    }

    static void holds(Attempt attempt) throws Exception {
        try {
            attempt.run();
        } catch (FmnistException expected) {
            // a typed refusal is a valid outcome for an invalid input
        }
    }

    /** Fails the input (as a finding) when a result breaks what the API promises. */
    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("invalid result: " + what);
        }
    }
}
