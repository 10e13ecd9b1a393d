package io.github.fmnist.api.model;

import io.github.fmnist.api.bundle.ModelBundle;

/**
 * A model plugin, found through {@link java.util.ServiceLoader}: register the implementation's class
 * name in {@code META-INF/services/io.github.fmnist.api.model.ModelProvider}. It needs a public no-argument
 * constructor that does no heavy work (a broken constructor only disables this plugin).
 */
public interface ModelProvider {

    /** Id, name, family, version and hyperparameter presets. */
    ModelDescriptor descriptor();

    /** Shorthand for {@code descriptor().id()}. */
    default String id() {
        return descriptor().id();
    }

    /**
     * A trainer with the given hyperparameters (built from one of the descriptor's presets).
     *
     * @throws io.github.fmnist.api.UnsupportedFeatureException if this provider only loads models
     */
    Trainer trainer(Hyperparameters hyperparameters);

    /**
     * Rebuilds a classifier from a verified bundle that this provider wrote.
     *
     * @throws io.github.fmnist.api.IncompatibleModelException if the bundle is not this provider's or misses entries
     */
    Classifier load(ModelBundle bundle);
}
