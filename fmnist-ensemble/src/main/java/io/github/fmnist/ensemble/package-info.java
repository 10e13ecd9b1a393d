/**
 * The {@code ensemble} model plugin ({@link io.github.fmnist.ensemble.EnsembleProvider}): weighted soft voting over
 * other fmnist classifiers, optionally with horizontal-flip test-time augmentation, saved as one bundle holding its
 * members' bundles, exported as one ONNX graph when every member describes itself as a network.
 */
package io.github.fmnist.ensemble;
