/**
 * The explainer SPI: {@link io.github.fmnist.api.explain.ExplainerProvider} plugins create {@link io.github.fmnist.api.explain.Explainer}s that turn a classifier's decision into a relevance map.
 */
package io.github.fmnist.api.explain;
