package io.github.fmnist.peer;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.dl.CnnProvider;

/**
 * The seed CNN on fmnist: the {@code cnn} provider's {@code paper} preset for one epoch, with the given batch size
 * and native threads. fmnist's trainer draws its batches from {@code MiniBatches.shuffled(size, batch, seed, 0)}, the
 * order the PyTorch run is given.
 */
final class FmnistSeedCnn {
    private FmnistSeedCnn() {
    }

    static EpochResult trainEpoch(LabeledDataset train, int batchSize, int threads, long seed) {
        CnnProvider provider = new CnnProvider();
        Hyperparameters hp = provider.descriptor().preset("paper").with(CnnProvider.EPOCHS, 1)
                .with(CnnProvider.BATCH_SIZE, batchSize).with(CnnProvider.THREADS, threads);
        EpochResult[] result = new EpochResult[1];
        provider.trainer(hp).fit(new TrainingRequest(train, LabeledDataset.empty(), seed, new TrainingListener() {
            @Override
            public void onEvent(TrainingEvent event) {
                if (event instanceof TrainingEvent.EpochCompleted e) {
                    result[0] = new EpochResult("fmnist cnn paper (Deeplearning4j 1.0.0-M2.1, oneDNN)",
                            e.metrics().elapsed().toNanos() / 1e9, e.metrics().trainLoss());
                }
            }
        }, threads)).close();
        return result[0];
    }
}
