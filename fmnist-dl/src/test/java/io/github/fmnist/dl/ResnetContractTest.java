package io.github.fmnist.dl;

import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.testkit.ClassifierContractTest;

class ResnetContractTest extends ClassifierContractTest {
    @Override
    protected ModelProvider provider() {
        return new ResnetProvider();
    }

    @Override
    protected Hyperparameters trainingSettings() {
        return new ResnetProvider().descriptor().defaults().with(ResnetProvider.EPOCHS, 4).with(ResnetProvider.SHIFT, 0).with(ResnetProvider.FLIP_PROBABILITY, 0.0).with(ResnetProvider.BATCH_SIZE, 32)
                .with(ResnetProvider.THREADS, 1);
    }
}
