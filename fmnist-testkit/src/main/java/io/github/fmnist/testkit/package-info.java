/**
 * The published test kit for fmnist model plugins: extend {@link io.github.fmnist.testkit.ClassifierContractTest}
 * in your plugin's tests to prove it honours the SPI; {@link io.github.fmnist.testkit.SyntheticFashion} provides
 * small learnable data for fast unit tests.
 */
package io.github.fmnist.testkit;
