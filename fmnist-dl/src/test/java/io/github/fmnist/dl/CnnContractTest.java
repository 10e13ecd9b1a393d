package io.github.fmnist.dl;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

class CnnContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new CnnProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return new CnnProvider().descriptor().defaults().with(CnnProvider.EPOCHS, 4).with(CnnProvider.SHIFT, 0).with(CnnProvider.FLIP_PROBABILITY, 0.0).with(CnnProvider.BATCH_SIZE, 32)
                .with(CnnProvider.THREADS, 1);
    }
}
