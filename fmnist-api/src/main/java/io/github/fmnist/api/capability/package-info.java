/**
 * Capabilities a classifier may offer besides prediction, found with {@link io.github.fmnist.api.model.Classifier#unwrap(Class)}: convolution gradients for Grad-CAM and a network description for export.
 */
package io.github.fmnist.api.capability;
