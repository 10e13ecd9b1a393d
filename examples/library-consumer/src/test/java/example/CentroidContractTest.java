package example;

import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

/** fmnist's contract, run on this project's plugin: registration, shapes, determinism, bundles, threads, errors. */
class CentroidContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new CentroidProvider();
    }

    @Override
    protected double minimumAccuracy() {
        return 0.5;
    }
}
