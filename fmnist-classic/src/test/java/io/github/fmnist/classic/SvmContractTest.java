package io.github.fmnist.classic;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

class SvmContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new SvmProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults().with(SvmProvider.PCA_COMPONENTS, 20);
    }
}
