package io.github.fmnist.classic;

import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import java.time.Duration;

/** Sends a trainer's events to its listener and turns a cancellation request into the typed exception. */
final class TrainingReporter {
    private final String modelId;
    private final TrainingListener listener;
    private final long startNanos = System.nanoTime();

    TrainingReporter(String modelId, TrainingListener listener) {
        this.modelId = modelId;
        this.listener = listener;
    }

    void started(int epochs, long iterationsPerEpoch) {
        listener.onEvent(new TrainingEvent.Started(modelId, epochs, iterationsPerEpoch));
        checkCancelled();
    }

    void progress(String stage, long done, long total) {
        listener.onEvent(new TrainingEvent.Progress(stage, done, total));
        checkCancelled();
    }

    void epoch(EpochMetrics metrics) {
        listener.onEvent(new TrainingEvent.EpochCompleted(metrics));
        checkCancelled();
    }

    void finished(int bestEpoch) {
        listener.onEvent(new TrainingEvent.Finished(Duration.ofNanos(System.nanoTime() - startNanos), bestEpoch));
    }

    boolean isCancelled() {
        return listener.isCancelled();
    }

    /** @throws TrainingCancelledException if the listener asks to stop */
    void checkCancelled() {
        if (listener.isCancelled()) {
            throw new TrainingCancelledException(modelId + " training cancelled after "
                    + Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms");
        }
    }
}
