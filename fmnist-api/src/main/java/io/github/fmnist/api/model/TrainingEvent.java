package io.github.fmnist.api.model;

import java.time.Duration;

/** What a trainer reports. Values that do not apply are {@code NaN}. */
public sealed interface TrainingEvent {

    /**
     * Training begins.
     *
     * @param modelId            provider id
     * @param epochs             planned epochs (1 for models trained in one pass)
     * @param iterationsPerEpoch mini-batches per epoch, or 0 if the model has no such notion
     */
    record Started(String modelId, int epochs, long iterationsPerEpoch) implements TrainingEvent {
    }

    /**
     * One optimisation step finished.
     *
     * @param epoch     1-based epoch
     * @param iteration 1-based step within the epoch
     * @param loss      mini-batch training loss
     */
    record Iteration(int epoch, long iteration, double loss) implements TrainingEvent {
    }

    /** An epoch finished, with its metrics. */
    record EpochCompleted(EpochMetrics metrics) implements TrainingEvent {
    }

    /**
     * Progress of a stage without epochs, such as trees grown or one-vs-one pairs fitted.
     *
     * @param stage what is being done ("trees", "pairs", "PCA")
     * @param done  units finished
     * @param total units planned
     */
    record Progress(String stage, long done, long total) implements TrainingEvent {
    }

    /**
     * Training finished.
     *
     * @param elapsed   wall time
     * @param bestEpoch the epoch whose parameters were kept (early stopping), or the last one
     */
    record Finished(Duration elapsed, int bestEpoch) implements TrainingEvent {
    }
}
