package io.github.fmnist.classic;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

class KnnContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new KnnProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults().with(KnnProvider.PCA_COMPONENTS, 20);
    }
}
