package io.github.fmnist.dl;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the two network providers share: the {@code default} and {@code paper} presets, training through
 * {@link GraphTrainer} and loading through {@link GraphBundles}. A subclass supplies the layout its
 * hyperparameters choose.
 */
abstract class GraphProvider implements ModelProvider {
    private final ModelDescriptor descriptor;

    GraphProvider(ModelDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** A descriptor of the family {@code deep} with the presets {@code default} and {@code paper}, in that order. */
    static ModelDescriptor descriptor(String id, String displayName, String version, String description,
                                      Hyperparameters defaults, Hyperparameters paper) {
        Map<String, Hyperparameters> presets = new LinkedHashMap<>();
        presets.put(ModelDescriptor.DEFAULT_PRESET, defaults);
        presets.put("paper", paper);
        return new ModelDescriptor(id, displayName, "deep", version, description, true, presets);
    }

    @Override
    public final ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Trainer trainer(Hyperparameters hyperparameters) {
        return new GraphTrainer(ModelInfo.of(descriptor, hyperparameters), TrainingHyperparameters.settings(hyperparameters),
                architecture(hyperparameters));
    }

    @Override
    public final Classifier load(ModelBundle bundle) {
        return GraphBundles.load(bundle, descriptor, this::architecture);
    }

    /** The network layout these hyperparameters choose. */
    abstract Architecture architecture(Hyperparameters hyperparameters);
}
