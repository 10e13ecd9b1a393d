package io.github.fmnist.data;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A read timeout for {@link java.net.http.HttpClient} bodies, which have none: closes the stream when no data
 * arrived for the given duration, so a stalled {@code read} fails instead of hanging forever.
 */
final class IdleWatchdog implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final Closeable stream;
    private final long limitNanos;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean expired;

    IdleWatchdog(Closeable stream, Duration limit) {
        this.stream = stream;
        this.limitNanos = limit.toNanos();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fmnist-download-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, limit.toMillis() / 4);
        scheduler.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void progress() {
        lastProgress = System.nanoTime();
    }

    boolean expired() {
        return expired;
    }

    private void check() {
        if (System.nanoTime() - lastProgress > limitNanos) {
            expired = true;
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing is only a way to wake the reader up
            }
            scheduler.shutdown();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
