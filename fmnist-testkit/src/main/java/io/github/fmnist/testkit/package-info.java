/**
 * The published test kit for fmnist model plugins: extend {@link io.github.fmnist.testkit.ClassifierContractTest}
 * in your plugin's tests to prove it honours the SPI; {@link io.github.fmnist.testkit.SyntheticFashion} provides
 * small learnable data for fast unit tests; {@link io.github.fmnist.testkit.ReferenceNetwork} evaluates a
 * {@link io.github.fmnist.api.network.NetworkDescription} in plain Java, the reference that exporters and
 * {@link io.github.fmnist.api.capability.NetworkExportable} plugins are checked against.
 */
package io.github.fmnist.testkit;
