package io.github.fmnist.bench.run;

import io.github.fmnist.api.model.ThreadBudget;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

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
        return ThreadBudget.run(parallelism, name, job);
    }
}
