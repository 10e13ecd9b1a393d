package io.github.fmnist.api.capability;

import io.github.fmnist.api.model.Classifier;

/**
 * Capability of a classifier that can make an untrained twin of itself: the same architecture with freshly
 * initialised weights. Explanation sanity checks compare maps of the trained model with maps of its twin
 * (model randomisation, Adebayo et al. 2018); a faithful explainer must give different maps for the two.
 *
 * <pre>{@code
 * try (Classifier untrained = trained.unwrap(Reinitializable.class).orElseThrow().reinitialized(7L)) {
 *     RandomizationResult r = check.run(trained, untrained, images);
 * }
 * }</pre>
 */
public interface Reinitializable {

    /**
     * A new, independent classifier with this one's architecture and weights initialised as before training,
     * from {@code seed}. The caller owns and closes it. It offers the same capabilities as this classifier.
     */
    Classifier reinitialized(long seed);
}
