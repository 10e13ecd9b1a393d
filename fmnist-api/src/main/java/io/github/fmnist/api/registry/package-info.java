/**
 * Discovery of model and explainer plugins through {@link java.util.ServiceLoader}, with restriction properties and per-plugin fault isolation.
 */
package io.github.fmnist.api.registry;
