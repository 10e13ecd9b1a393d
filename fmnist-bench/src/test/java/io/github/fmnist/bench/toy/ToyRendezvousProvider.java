package io.github.fmnist.bench.toy;

import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two test plugins ({@link First} and {@link Second}) whose trainings wait for each other before they train the
 * bench's nearest-centroid model: with two jobs both meet and complete; trained one after the other, each gives up
 * after {@link #patienceMillis} and fails. Proves that trainings really overlap.
 */
public abstract class ToyRendezvousProvider extends NearestCentroidProvider {
    /** Counted down by each training as it starts; the test resets it. */
    public static volatile CountDownLatch meeting = new CountDownLatch(2);
    /** How long a training waits for the other one. */
    public static volatile long patienceMillis = 30_000;

    ToyRendezvousProvider(String id) {
        super(ToyCentroidProvider.variant(id).displayName("Rendezvous (toy) " + id).beforeTraining(() -> meet(id)));
    }

    private static void meet(String id) {
        CountDownLatch latch = meeting;
        latch.countDown();
        try {
            if (!latch.await(patienceMillis, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(id + ": the other training did not run at the same time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other training", e);
        }
    }

    /** Resets the meeting point for a new test. */
    public static void reset(long patience) {
        meeting = new CountDownLatch(2);
        patienceMillis = patience;
    }

    public static final class First extends ToyRendezvousProvider {
        public static final String ID = "toy-meet-a";

        public First() {
            super(ID);
        }
    }

    public static final class Second extends ToyRendezvousProvider {
        public static final String ID = "toy-meet-b";

        public Second() {
            super(ID);
        }
    }
}
