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
     * Whether this provider reads bundles written by version {@code bundleProviderVersion} of itself; the registry
     * asks before {@link #load}, as SLF4J checks a provider's API version. The default accepts the same major
     * version up to this provider's own ({@code 1.0} and {@code 1.1} for a {@code 1.1} provider, not {@code 1.2}
     * or {@code 2.0}); see {@link ProviderVersion}. Override it when a change breaks or keeps compatibility otherwise.
     */
    default boolean canRead(String bundleProviderVersion) {
        return ProviderVersion.canRead(descriptor().version(), bundleProviderVersion);
    }

    /**
     * What to tell a user whose bundle, written by version {@code bundleProviderVersion} of this provider, this
     * provider cannot read ({@link #canRead} said no); the registry adds it to its error. The default says to use
     * the plugin version that wrote it; a provider that offers a conversion names it here.
     */
    default String unreadableVersionAdvice(String bundleProviderVersion) {
        return "use the plugin version that wrote it";
    }

    /**
     * The most payload bytes, all entries together, that this provider accepts in a bundle; the registry checks the
     * manifest's declared sizes against it before any entry is inflated. The default is the bundle-wide
     * {@link ModelBundle#MAX_PAYLOAD_BYTES}; a provider that knows its largest model should state it, so that a
     * hostile bundle cannot make the registry read more than that model could need.
     */
    default long maxPayloadBytes() {
        return ModelBundle.MAX_PAYLOAD_BYTES;
    }

    /**
     * Rebuilds a classifier from a verified bundle that this provider wrote. Give the classifier
     * {@code ModelInfo.of(bundle.manifest(), hyperparameters)} so that it keeps the bundle's provenance.
     *
     * @throws io.github.fmnist.api.IncompatibleModelException if the bundle is not this provider's or misses entries
     */
    Classifier load(ModelBundle bundle);
}
