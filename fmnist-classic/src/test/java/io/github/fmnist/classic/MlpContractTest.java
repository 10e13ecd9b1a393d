package io.github.fmnist.classic;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

class MlpContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new MlpProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return provider().descriptor().defaults().with(MlpProvider.HIDDEN_UNITS, 32).with(MlpProvider.EPOCHS, 3);
    }
}
