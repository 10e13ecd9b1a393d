package io.github.fmnist.api.model;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import java.util.Objects;

/**
 * What to train on.
 *
 * @param train      training examples (not empty)
 * @param validation held-out examples for per-epoch validation and early stopping; may be {@link LabeledDataset#empty()}
 * @param seed       seeds every random choice (initialisation, shuffling, augmentation)
 * @param listener   receives progress events and may cancel
 */
public record TrainingRequest(LabeledDataset train, LabeledDataset validation, long seed, TrainingListener listener) {
    public TrainingRequest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(listener, "listener");
        if (train.isEmpty()) {
            throw new InvalidInputException("cannot train on an empty training set");
        }
    }

    /** Training data only, no validation set, no listener. */
    public static TrainingRequest of(LabeledDataset train, long seed) {
        return new TrainingRequest(train, LabeledDataset.empty(), seed, TrainingListener.NONE);
    }
}
