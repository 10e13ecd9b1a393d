package io.github.fmnist.bench.toy;

import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.UnsupportedFeatureException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A test plugin that simulates Ctrl-C in the middle of its training: after two epochs it runs
 * {@link #onSecondEpoch} (which the test points at the run's cancellation) and then, like a real trainer,
 * polls the listener and stops.
 */
public class ToyInterruptingProvider implements ModelProvider {
    public static final String ID = "toy-interrupt";
    /** What "pressing Ctrl-C" does; set by the test. */
    public static volatile Runnable onSecondEpoch = () -> { };

    private final ModelDescriptor descriptor = new ModelDescriptor(ID, "Interrupted (toy)", "toy", "1",
            "Test-only: gets interrupted.", true, Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(List.of())));

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> {
            request.listener().onEvent(new TrainingEvent.Started(ID, 5, 0));
            for (int epoch = 1; epoch <= 5; epoch++) {
                request.listener().onEvent(new TrainingEvent.EpochCompleted(
                        new EpochMetrics(epoch, 1.0 / epoch, 0.5, 1.2 / epoch, 0.45, Duration.ofMillis(1))));
                if (epoch == 2) {
                    onSecondEpoch.run();
                }
                if (request.listener().isCancelled()) {
                    throw new TrainingCancelledException("cancelled after epoch " + epoch);
                }
            }
            throw new AssertionError("the test expected cancellation after epoch 2");
        };
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        throw new UnsupportedFeatureException("never saved");
    }
}
