package io.github.fmnist.api.model;

import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.Provenance;
import java.util.Objects;

/**
 * What a trained classifier says about its origin; bundles record it so the right provider loads it and a reader
 * knows what it was trained on.
 *
 * @param providerId      id of the provider that can load this classifier
 * @param providerVersion version of that provider when the classifier was made
 * @param hyperparameters the settings it was trained with
 * @param provenance      data, seed, split, epochs and threads of its training ({@link Provenance#unknown()} for
 *                        an untrained classifier)
 */
public record ModelInfo(String providerId, String providerVersion, Hyperparameters hyperparameters, Provenance provenance) {
    public ModelInfo {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerVersion, "providerVersion");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Info without provenance, for classifiers fmnist did not train (an imported model, a test double). */
    public ModelInfo(String providerId, String providerVersion, Hyperparameters hyperparameters) {
        this(providerId, providerVersion, hyperparameters, Provenance.unknown());
    }

    /** The info of a not-yet-trained classifier of the provider described by {@code descriptor}. */
    public static ModelInfo of(ModelDescriptor descriptor, Hyperparameters hyperparameters) {
        return new ModelInfo(descriptor.id(), descriptor.version(), hyperparameters, Provenance.unknown());
    }

    /** The info of a classifier rebuilt from a bundle: the provider version and provenance it was saved with. */
    public static ModelInfo of(BundleManifest manifest, Hyperparameters hyperparameters) {
        return new ModelInfo(manifest.providerId(), manifest.providerVersion(), hyperparameters, manifest.provenance());
    }

    /** This info with the provenance of a finished training. */
    public ModelInfo withProvenance(Provenance provenance) {
        return new ModelInfo(providerId, providerVersion, hyperparameters, provenance);
    }
}
