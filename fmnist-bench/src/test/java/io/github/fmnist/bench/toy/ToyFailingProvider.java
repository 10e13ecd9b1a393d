package io.github.fmnist.bench.toy;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import java.util.List;
import java.util.Map;

/** A test plugin whose training always fails, to prove one failing model does not stop the bench. */
public class ToyFailingProvider implements ModelProvider {
    public static final String ID = "toy-failing";

    private final ModelDescriptor descriptor = new ModelDescriptor(ID, "Failing (toy)", "toy", "1", "Test-only: fails.",
            true, Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(List.of())));

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> {
            throw new IllegalStateException("simulated training failure");
        };
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        throw new UnsupportedFeatureException("never saved");
    }
}
