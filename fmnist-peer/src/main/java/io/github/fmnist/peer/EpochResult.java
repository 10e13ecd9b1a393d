package io.github.fmnist.peer;

/**
 * One timed training epoch.
 *
 * @param stack     what trained it
 * @param seconds   wall-clock time of the epoch's batches
 * @param trainLoss mean cross-entropy over the epoch's training batches (a sanity check that both learn alike)
 */
record EpochResult(String stack, double seconds, double trainLoss) {
}
