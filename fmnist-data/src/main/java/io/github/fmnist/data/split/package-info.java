/**
 * Seeded, class-stratified splitting and sampling of a {@link io.github.fmnist.api.LabeledDataset}.
 *
 * <pre>{@code
 * TrainValidationSplit split = StratifiedSplit.split(train, 0.1, 42L);
 * LabeledDataset quick = StratifiedSample.sample(train, 1_000, 42L);
 * }</pre>
 */
package io.github.fmnist.data.split;
