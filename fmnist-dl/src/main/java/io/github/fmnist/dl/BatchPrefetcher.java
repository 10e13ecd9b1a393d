package io.github.fmnist.dl;

import io.github.fmnist.api.FmnistException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The mini-batches of one epoch, each built (selected, augmented, normalised) on a background thread while the
 * previous one trains. Batch {@code b} is the same whether built ahead or not ({@link BatchMaker} is a pure
 * function of the epoch and batch number), so prefetching changes timing only, never results. Two host buffers
 * alternate: batch {@code b} fills buffer {@code b % 2}, which the training thread has finished copying from by
 * the time batch {@code b + 2} is requested. The thread holds no ND4J state.
 */
final class BatchPrefetcher implements AutoCloseable {
    private final BatchMaker maker;
    private final int epoch;
    private final List<int[]> batches;
    private final HostBatch[] buffers;
    private final ExecutorService executor;
    private Future<HostBatch> pending;
    private int next;

    BatchPrefetcher(BatchMaker maker, int epoch, List<int[]> batches, HostBatch[] twoBuffers) {
        this.maker = maker;
        this.epoch = epoch;
        this.batches = batches;
        this.buffers = twoBuffers;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fmnist-dl-prefetch");
            t.setDaemon(true);
            return t;
        });
        pending = submit(0);
    }

    /**
     * Batch number {@link #next} (0, 1, 2, … in turn), waiting for it if needed, and starts building the one after.
     * The returned buffer stays valid until the call after next.
     */
    HostBatch next() {
        if (next >= batches.size()) {
            throw new IllegalStateException("epoch " + epoch + " has only " + batches.size() + " batches");
        }
        HostBatch ready;
        try {
            ready = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FmnistException("interrupted while waiting for mini-batch " + next + " of epoch " + (epoch + 1), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new FmnistException("building mini-batch " + next + " of epoch " + (epoch + 1) + " failed", e.getCause());
        }
        next++;
        pending = next < batches.size() ? submit(next) : null;
        return ready;
    }

    private Future<HostBatch> submit(int b) {
        HostBatch into = buffers[b % 2];
        int[] indices = batches.get(b);
        return executor.submit(() -> {
            maker.make(epoch, b, indices, into);
            return into;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
