package io.github.fmnist.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobParallelismTest {

    @Test
    void jobsShareTheProcessorsAndEachGetsAtLeastOne() {
        assertEquals(1, JobParallelism.share(2, 2).parallelism());
        assertEquals(4, JobParallelism.share(8, 2).parallelism());
        assertEquals(2, JobParallelism.share(2, 1).parallelism());
        assertEquals(1, JobParallelism.share(2, 3).parallelism());
        assertThrows(IllegalArgumentException.class, () -> new JobParallelism(0));
    }

    @Test
    void aParallelStreamInsideAOneProcessorJobRunsOnTheJobsThreadOnly() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        long sum = new JobParallelism(1).run("test-job", () -> IntStream.range(0, 20_000).parallel()
                .peek(i -> threads.add(Thread.currentThread()))
                .mapToLong(JobParallelismTest::slowSquare).sum());

        assertEquals(IntStream.range(0, 20_000).mapToLong(i -> (long) i * i).sum(), sum);
        assertEquals(1, threads.size(), "threads used: " + threads);
        Thread only = threads.iterator().next();
        assertTrue(only.getName().startsWith("test-job-"), only.getName());
    }

    @Test
    void theJobRunsInAPoolOfTheGivenParallelismNotTheCommonPool() throws Exception {
        ForkJoinPool pool = new JobParallelism(3).run("job", ForkJoinTask::getPool);
        assertEquals(3, pool.getParallelism());
        assertTrue(pool != ForkJoinPool.commonPool());
        assertTrue(pool.isShutdown(), "the pool is shut down once the job has ended");
    }

    @Test
    void whatTheJobThrowsIsRethrownUnchanged() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> new JobParallelism(1).run("job", () -> { throw failure; })));
        IOException checked = new IOException("disk");
        assertSame(checked, assertThrows(IOException.class,
                () -> new JobParallelism(1).run("job", () -> { throw checked; })));
    }

    private static long slowSquare(int i) {
        long x = 0;
        for (int k = 0; k < 50; k++) {
            x += (long) i * i;
        }
        return x / 50;
    }
}
