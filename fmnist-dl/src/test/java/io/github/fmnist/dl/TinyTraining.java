package io.github.fmnist.dl;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.testkit.SyntheticFashion;

/** Fast settings and data shared by the unit tests. */
final class TinyTraining {
    static final long SEED = 42L;

    private TinyTraining() {
    }

    static LabeledDataset data(int size) {
        return SyntheticFashion.dataset(size, 7L);
    }

    /** One short epoch with every training feature on (augmentation, schedule, weight decay). */
    static Hyperparameters cnn() {
        return new CnnProvider().descriptor().defaults()
                .with(CnnProvider.EPOCHS, 1).with(CnnProvider.BATCH_SIZE, 32).with(CnnProvider.THREADS, 1)
                .with(CnnProvider.SHIFT, 2).with(CnnProvider.FLIP_PROBABILITY, 0.5);
    }

    static Hyperparameters resnet() {
        return new ResnetProvider().descriptor().defaults()
                .with(ResnetProvider.EPOCHS, 1).with(ResnetProvider.BATCH_SIZE, 32).with(ResnetProvider.THREADS, 1)
                .with(ResnetProvider.SHIFT, 2).with(ResnetProvider.FLIP_PROBABILITY, 0.5);
    }

    static GraphClassifier train(ModelProvider provider, Hyperparameters hyperparameters, LabeledDataset data, long seed) {
        return (GraphClassifier) provider.trainer(hyperparameters).fit(TrainingRequest.of(data, seed));
    }
}
