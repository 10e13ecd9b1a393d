/**
 * Capabilities a classifier may offer besides prediction, found with {@link io.github.fmnist.api.model.Classifier#unwrap(Class)}: convolution gradients for Grad-CAM, a network description for export and the embedding before the classifier layer ({@link io.github.fmnist.api.capability.FeatureExtractor}).
 */
package io.github.fmnist.api.capability;
