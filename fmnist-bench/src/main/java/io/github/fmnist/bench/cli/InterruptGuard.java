package io.github.fmnist.bench.cli;

import io.github.fmnist.bench.run.Cancellation;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C into a cancellation request and holds the JVM's shutdown until the command has written what
 * it has (at most {@value #GRACE_SECONDS} s, in case a trainer does not poll for cancellation).
 */
final class InterruptGuard implements AutoCloseable {
    static final int GRACE_SECONDS = 60;

    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    InterruptGuard(PrintStream err) {
        hook = new Thread(() -> {
            cancellation.request();
            err.println();
            err.println("Interrupted: stopping after the current step and writing the results so far…");
            err.flush();
            try {
                if (!finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    err.println("Gave up waiting after " + GRACE_SECONDS + " s; results.json marks the unfinished models as partial.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fmnist-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** Whether Ctrl-C was pressed. */
    boolean interrupted() {
        return cancellation.isRequested();
    }

    /** Lets a pending shutdown proceed; call once the output is written. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running; it returns now that the latch is open.
        }
    }
}
