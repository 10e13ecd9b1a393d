package io.github.fmnist.api.model;

import java.time.Duration;

/**
 * Loss and accuracy after one epoch; validation values are {@code NaN} without a validation set.
 *
 * @param epoch              1-based
 * @param trainLoss          mean training loss over the epoch
 * @param trainAccuracy      training accuracy over the epoch (on augmented batches where augmentation is on)
 * @param validationLoss     mean cross-entropy on the validation set
 * @param validationAccuracy accuracy on the validation set
 * @param elapsed            wall time of the epoch
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, Duration elapsed) {

    /** Whether validation metrics are present. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
