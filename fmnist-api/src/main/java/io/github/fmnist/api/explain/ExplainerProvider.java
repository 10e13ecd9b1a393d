package io.github.fmnist.api.explain;

import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;

/**
 * An explainer plugin, found through {@link java.util.ServiceLoader}: register the implementation in
 * {@code META-INF/services/io.github.fmnist.api.explain.ExplainerProvider}.
 */
public interface ExplainerProvider {

    /** Id, name and options. */
    ExplainerDescriptor descriptor();

    /** Shorthand for {@code descriptor().id()}. */
    default String id() {
        return descriptor().id();
    }

    /** Whether this explainer can explain {@code classifier} (e.g. it offers the capability needed). */
    boolean supports(Classifier classifier);

    /**
     * An explainer for {@code classifier}.
     *
     * @param options built from {@code descriptor().defaults()}
     * @throws io.github.fmnist.api.UnsupportedFeatureException if {@link #supports} is false
     */
    Explainer create(Classifier classifier, Hyperparameters options);
}
