package io.github.fmnist.bench.toy;

import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import java.util.List;
import java.util.Map;

/**
 * A test plugin that trains until it is cancelled (at most a minute), for the Ctrl-C tests; {@link Twin} is a
 * second one, for two trainings interrupted together.
 */
public class ToySlowProvider implements ModelProvider {
    public static final String ID = "toy-slow";
    /** Run by every training once it has started; set by the test. */
    public static volatile Runnable onStart = () -> { };

    private final ModelDescriptor descriptor;

    public ToySlowProvider() {
        this(ID);
    }

    ToySlowProvider(String id) {
        descriptor = new ModelDescriptor(id, "Slow (toy) " + id, "toy", "1", "Test-only: waits for Ctrl-C.",
                true, Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(List.of())));
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> {
            request.listener().onEvent(new TrainingEvent.Started(descriptor.id(), 1, 0));
            onStart.run();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (request.listener().isCancelled()) {
                    throw new TrainingCancelledException("cancelled while waiting");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TrainingCancelledException("interrupted");
                }
            }
            throw new IllegalStateException("nobody pressed Ctrl-C within a minute");
        };
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        throw new UnsupportedFeatureException("never saved");
    }

    public static final class Twin extends ToySlowProvider {
        public static final String ID = "toy-slow-2";

        public Twin() {
            super(ID);
        }
    }
}
