package io.github.fmnist.dl;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Copies of one DL4J network for concurrent use. A DL4J network keeps per-call state (layer inputs, workspaces),
 * so one instance must never run two passes at once: each call borrows a copy of its own and returns it
 * afterwards. Copies are made on demand, so the pool grows to the largest number of threads that used it at the
 * same time (a copy costs about as much memory as the parameters, twice that once it has computed gradients).
 * The original is only read, under its own lock.
 */
final class GraphPool {
    private final ComputationGraph original;
    private final ConcurrentLinkedQueue<ComputationGraph> idle = new ConcurrentLinkedQueue<>();

    GraphPool(ComputationGraph original) {
        this.original = original;
    }

    /** Runs {@code work} on a copy no other thread uses meanwhile. */
    <T> T apply(Function<ComputationGraph, T> work) {
        ComputationGraph copy = idle.poll();
        if (copy == null) {
            synchronized (original) {
                copy = original.clone();
            }
        }
        try {
            return work.apply(copy);
        } finally {
            idle.offer(copy);
        }
    }

    /** Drops the idle copies. */
    void clear() {
        idle.clear();
    }
}
