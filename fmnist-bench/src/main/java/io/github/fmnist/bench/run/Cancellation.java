package io.github.fmnist.bench.run;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag Ctrl-C raises; trainers see it through their listener, the bench loop between steps. Thread-safe. */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** Asks the run to stop as soon as it can. */
    public void request() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get();
    }
}
