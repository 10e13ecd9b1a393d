package io.github.fmnist.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThreadBudgetTest {
    @Test
    void parallelStreamsInsideStayOnTheBudgetsThreads() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        long sum = ThreadBudget.run(1, "budget-test", () -> IntStream.range(0, 20_000).parallel()
                .peek(i -> threads.add(Thread.currentThread().getName())).asLongStream().sum());
        assertEquals(199_990_000L, sum);
        assertEquals(1, threads.size(), threads.toString());
        assertEquals("budget-test-0", threads.iterator().next());
    }

    @Test
    void thePoolHasTheBudgetsSize() throws Exception {
        ForkJoinPool pool = ThreadBudget.run(3, "p", ForkJoinTask::getPool);
        assertEquals(3, pool.getParallelism());
    }

    @Test
    void exceptionsPassThroughUnchanged() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> ThreadBudget.run(1, "p", () -> {
            throw failure;
        })));
        IOException checked = new IOException("io");
        assertSame(checked, assertThrows(IOException.class, () -> ThreadBudget.run(1, "p", () -> {
            throw checked;
        })));
        assertSame(failure, assertThrows(IllegalStateException.class, () -> ThreadBudget.runUnchecked(1, "p", () -> {
            throw failure;
        })));
    }

    @Test
    void refusesAnEmptyBudget() {
        assertThrows(IllegalArgumentException.class, () -> ThreadBudget.run(0, "p", () -> 1));
    }
}
