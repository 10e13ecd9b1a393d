/**
 * Model bundles: one verified file holding a manifest (provider, hyperparameters, provenance, metrics, checksums) and the payload a provider needs to rebuild its classifier.
 */
package io.github.fmnist.api.bundle;
