package io.github.fmnist.api.model;

/**
 * Receives training events (for progress bars and loss curves) and can cancel training.
 * Trainers call it from the training thread; implementations should return quickly.
 */
public interface TrainingListener {

    /** A listener that ignores everything and never cancels. */
    TrainingListener NONE = new TrainingListener() {
    };

    /** Called for every event, in order. */
    default void onEvent(TrainingEvent event) {
    }

    /**
     * Polled by trainers between iterations; returning {@code true} makes them stop and throw
     * {@link io.github.fmnist.api.TrainingCancelledException}.
     */
    default boolean isCancelled() {
        return false;
    }
}
