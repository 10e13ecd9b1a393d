package io.github.fmnist.bench.toy;

import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;

/**
 * A test plugin that trains until it is cancelled (at most a minute), for the Ctrl-C tests; {@link Twin} is a
 * second one, for two trainings interrupted together.
 */
public class ToySlowProvider extends NearestCentroidProvider {
    public static final String ID = "toy-slow";
    /** Run by every training once it has started; set by the test. */
    public static volatile Runnable onStart = () -> { };

    public ToySlowProvider() {
        this(ID);
    }

    ToySlowProvider(String id) {
        super(NearestCentroidVariant.named(id).displayName("Slow (toy) " + id).waitingForCancellation(() -> onStart.run()));
    }

    public static final class Twin extends ToySlowProvider {
        public static final String ID = "toy-slow-2";

        public Twin() {
            super(ID);
        }
    }
}
