package io.github.fmnist.hybrid;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

/**
 * The testkit's contract on a hybrid whose network is the feature-offering centroid fixture, trained on the request;
 * its description (the fixture's Flatten, then Standardize and the head) is checked against its probabilities.
 */
class HybridContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new HybridProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults().with(HybridProvider.NETWORK, FeatureCentroidProvider.ID)
                .with(HybridProvider.MAX_ITERATIONS, 100);
    }
}
