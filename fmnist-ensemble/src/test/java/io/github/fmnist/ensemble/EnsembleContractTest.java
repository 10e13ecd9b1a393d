package io.github.fmnist.ensemble;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;

/**
 * The testkit's contract on an ensemble of two nearest-centroid fixtures trained on the request, weights 2 and 1,
 * with flips: its network description (members side by side on the image and its mirror, then the vote) is checked
 * against its probabilities by the testkit's reference forward pass.
 */
class EnsembleContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new EnsembleProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults()
                .with(EnsembleProvider.MEMBERS, NearestCentroidProvider.ID + "," + NearestCentroidProvider.ID)
                .with(EnsembleProvider.WEIGHTS, "2,1")
                .with(EnsembleProvider.FLIP_TTA, true);
    }
}
