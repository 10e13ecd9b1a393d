package io.github.fmnist.bench.toy;

import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;

/** A test plugin whose training always fails, to prove one failing model does not stop the bench. */
public class ToyFailingProvider extends NearestCentroidProvider {
    public static final String ID = "toy-failing";

    public ToyFailingProvider() {
        super(NearestCentroidVariant.named(ID).displayName("Failing (toy)").failing("simulated training failure"));
    }
}
