package io.github.fmnist.classic;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

class LogisticRegressionContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new LogisticRegressionProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults().with(LogisticRegressionProvider.MAX_ITERATIONS, 30);
    }
}
