package io.github.fmnist.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the JVM's used heap and the process's resident set size once a second while a load runs. */
final class MemorySampler implements AutoCloseable {
    /** One reading, in MB. */
    record Sample(double seconds, double heapMb, double rssMb) {
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
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
        samples.add(new Sample((System.nanoTime() - start) / 1e9, heap, rssMb()));
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
