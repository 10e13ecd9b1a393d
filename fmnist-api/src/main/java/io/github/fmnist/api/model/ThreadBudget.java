package io.github.fmnist.api.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Confines Java parallel streams to a number of threads. Parallel streams run in the fork-join pool of the thread
 * that starts them, so work started on a worker of a pool of {@code n} uses at most {@code n} threads, where it
 * would otherwise use the common pool, i.e. every processor. Trainers use it to honour
 * {@link TrainingRequest#threads()}:
 *
 * <pre>{@code
 * Model m = ThreadBudget.run(request.threads(), "svm-train", () -> fitInParallel(data));
 * }</pre>
 *
 * Native threads (OpenMP, BLAS) are not affected: set them from the same number.
 */
public final class ThreadBudget {
    private ThreadBudget() {
    }

    /**
     * Runs {@code work} on a worker of a fresh pool of {@code threads} and waits for it, uninterruptibly (work
     * stops through its own cancellation checks). What it throws is rethrown unchanged.
     *
     * @param name prefix of the worker threads' names
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static <T> T run(int threads, String name, Callable<T> work) throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("a thread budget must be at least 1, found " + threads);
        }
        ForkJoinPool pool = new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            worker.setName(name + "-" + worker.getPoolIndex());
            return worker;
        }, null, false);
        try {
            // The outcome travels in a holder: ForkJoinTask would rethrow the work's exception as a reflective copy.
            Outcome<T> outcome = pool.submit(() -> Outcome.of(work)).join();
            return outcome.get();
        } finally {
            pool.shutdown();
        }
    }

    /** As {@link #run}, for work that throws only unchecked exceptions. */
    public static <T> T runUnchecked(int threads, String name, Callable<T> work) {
        try {
            return run(threads, name, work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("unexpected checked exception from " + name, e);
        }
    }

    private record Outcome<T>(T value, Exception exception, Error error) {
        static <T> Outcome<T> of(Callable<T> work) {
            try {
                return new Outcome<>(work.call(), null, null);
            } catch (Exception e) {
                return new Outcome<>(null, e, null);
            } catch (Error e) {
                return new Outcome<>(null, null, e);
            }
        }

        T get() throws Exception {
            if (error != null) {
                throw error;
            }
            if (exception != null) {
                throw exception;
            }
            return value;
        }
    }
}
