package io.github.fmnist.bench.toy;

import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;

/**
 * A test plugin that simulates Ctrl-C in the middle of its five-epoch training: after the second epoch it runs
 * {@link #onSecondEpoch} (which the test points at the run's cancellation) and then, like a real trainer, polls the
 * listener and stops before the third.
 */
public class ToyInterruptingProvider extends NearestCentroidProvider {
    public static final String ID = "toy-interrupt";
    /** What "pressing Ctrl-C" does; set by the test. */
    public static volatile Runnable onSecondEpoch = () -> { };

    public ToyInterruptingProvider() {
        super(NearestCentroidVariant.named(ID).displayName("Interrupted (toy)").epochs(5).afterEpoch(epoch -> {
            if (epoch == 2) {
                onSecondEpoch.run();
            }
        }));
    }
}
