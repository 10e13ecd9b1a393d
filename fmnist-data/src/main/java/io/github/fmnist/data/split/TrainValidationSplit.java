package io.github.fmnist.data.split;

import io.github.fmnist.api.LabeledDataset;

import java.util.Objects;

/**
 * A training set and a held-out validation set drawn from the same data.
 *
 * @param train the examples to train on
 * @param validation the held-out examples (possibly empty)
 */
public record TrainValidationSplit(LabeledDataset train, LabeledDataset validation) {
    public TrainValidationSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }
}
