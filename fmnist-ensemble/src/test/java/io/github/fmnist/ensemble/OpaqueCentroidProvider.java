package io.github.fmnist.ensemble;

import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;

/** The testkit's nearest-centroid fixture without a network description: a member that cannot be exported. */
public class OpaqueCentroidProvider extends NearestCentroidProvider {
    public static final String ID = "opaque-centroid";

    public OpaqueCentroidProvider() {
        super(NearestCentroidVariant.named(ID).withoutNetworkDescription());
    }
}
