package io.github.fmnist.classic;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

class RandomForestContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new RandomForestProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults().with(RandomForestProvider.TREES, 25);
    }
}
