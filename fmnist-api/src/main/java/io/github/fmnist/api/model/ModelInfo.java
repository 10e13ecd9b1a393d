package io.github.fmnist.api.model;

import java.util.Objects;

/**
 * What a trained classifier says about its origin; bundles record it so the right provider loads it.
 *
 * @param providerId      id of the provider that can load this classifier
 * @param providerVersion version of that provider when the classifier was made
 * @param hyperparameters the settings it was trained with
 */
public record ModelInfo(String providerId, String providerVersion, Hyperparameters hyperparameters) {
    public ModelInfo {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerVersion, "providerVersion");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }

    /** The info for a classifier made by the provider described by {@code descriptor}. */
    public static ModelInfo of(ModelDescriptor descriptor, Hyperparameters hyperparameters) {
        return new ModelInfo(descriptor.id(), descriptor.version(), hyperparameters);
    }
}
