package io.github.fmnist.bench.run;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Runs one bench job inside its own {@link ForkJoinPool}, so that the parallel streams a plugin uses (Smile's
 * trainers, batch prediction) share out that job's processors instead of the whole machine's. Without it a
 * classic model started beside a network uses every core through the common pool and slows the network's
 * single-threaded training by half. Parallel streams run in the pool of the thread that starts them; native
 * threads (OMP_NUM_THREADS) are not affected.
 */
final class JobParallelism {
    private final int parallelism;

    /** @param parallelism processors per job, at least 1 */
    JobParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, found " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Each of {@code jobs} concurrent jobs gets an equal share of {@code processors}, at least one. */
    static JobParallelism share(int processors, int jobs) {
        return new JobParallelism(Math.max(1, processors / Math.max(1, jobs)));
    }

    int parallelism() {
        return parallelism;
    }

    /**
     * Runs {@code job} on a worker of a fresh pool of {@link #parallelism()} and waits for it, uninterruptibly,
     * as the job stops through its own cancellation flag. What the job throws is rethrown unchanged.
     */
    <T> T run(String name, Callable<T> job) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(parallelism, p -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            worker.setName(name + "-" + worker.getPoolIndex());
            return worker;
        }, null, false);
        try {
            // The outcome travels in a holder: ForkJoinTask would rethrow a job's exception as a reflective copy.
            Outcome<T> outcome = pool.submit(() -> Outcome.of(job)).join();
            return outcome.get();
        } finally {
            pool.shutdown();
        }
    }

    private record Outcome<T>(T value, Exception exception, Error error) {
        static <T> Outcome<T> of(Callable<T> job) {
            try {
                return new Outcome<>(job.call(), null, null);
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
