package io.github.fmnist.api.bundle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest of a model bundle.
 *
 * @param formatVersion   bundle format version ({@link ModelBundle#FORMAT_VERSION} when written by this fmnist)
 * @param providerId      the provider that can load the payload
 * @param providerVersion the provider's version when saved
 * @param fmnistVersion   the fmnist version that saved it
 * @param hyperparameters the hyperparameters as text
 * @param provenance      data, seed, split, epochs, date and platform
 * @param metrics         named metrics, e.g. {@code test.accuracy}
 * @param payload         the payload entries with size and SHA-256
 */
public record BundleManifest(int formatVersion, String providerId, String providerVersion, String fmnistVersion,
                             Map<String, String> hyperparameters, Provenance provenance, Map<String, Double> metrics,
                             List<PayloadEntry> payload) {
    public BundleManifest {
        hyperparameters = Map.copyOf(hyperparameters);
        metrics = Map.copyOf(metrics);
        payload = List.copyOf(payload);
    }

    /** The declared entry called {@code name}. */
    public Optional<PayloadEntry> entry(String name) {
        return payload.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
