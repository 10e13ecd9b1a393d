/**
 * Seeded shuffled mini-batches: {@link io.github.fmnist.data.batch.MiniBatches}.
 *
 * <pre>{@code
 * List<int[]> batches = MiniBatches.shuffled(60_000, 128, 42L, epoch);
 * }</pre>
 */
package io.github.fmnist.data.batch;
