package io.github.fmnist.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples memory once a second while a load runs: the used heap (a sawtooth between collections), the heap
 * live after the last collection (what a heap leak raises), the committed heap, and the process's resident set;
 * RSS minus the committed heap is the native side (threads, JIT, DL4J/ONNX Runtime buffers), where a native leak
 * would show.
 */
final class MemorySampler implements AutoCloseable {
    /** One reading, in MB. */
    record Sample(double seconds, double heapUsedMb, double heapAfterGcMb, double heapCommittedMb, double rssMb) {
        double nativeMb() {
            return rssMb - heapCommittedMb;
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "memory-sampler");
        t.setDaemon(true);
        return t;
    });
    private final long start = System.nanoTime();

    MemorySampler() {
        timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage collected = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && collected != null) {
                afterGc += collected.getUsed();
            }
        }
        samples.add(new Sample((System.nanoTime() - start) / 1e9, heap.getUsed() / 1e6, afterGc / 1e6,
                heap.getCommitted() / 1e6, rssMb()));
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** VmRSS from /proc/self/status (Linux), or -1 where there is none. */
    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1e3;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
