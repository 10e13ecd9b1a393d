/**
 * The published test kit for fmnist plugins: extend {@link io.github.fmnist.testkit.ClassifierContractTest} (model
 * plugins) or {@link io.github.fmnist.testkit.ExplainerContractTest} (explainer plugins) in your plugin's tests to
 * prove it honours the SPI; {@link io.github.fmnist.testkit.fixture.NearestCentroidProvider} is a real model plugin to
 * test against; {@link io.github.fmnist.testkit.SyntheticFashion} provides
 * small learnable data for fast unit tests; {@link io.github.fmnist.testkit.ReferenceNetwork} evaluates a
 * {@link io.github.fmnist.api.network.NetworkDescription} in plain Java, the reference that exporters and
 * {@link io.github.fmnist.api.capability.NetworkExportable} plugins are checked against.
 */
package io.github.fmnist.testkit;
