package io.github.fmnist.dl;

import io.github.fmnist.data.augment.Augmenter;

/**
 * The training loop's settings, read from a provider's hyperparameters.
 *
 * @param epochs             passes over the training set
 * @param batchSize          examples per optimisation step
 * @param learningRate       Adam's base learning rate
 * @param schedule           how the learning rate changes per epoch
 * @param weightDecay        decoupled weight decay (AdamW style, scaled by the learning rate); 0 = off
 * @param shiftPixels        augmentation: largest random shift in pixels; 0 = off
 * @param flipProbability    augmentation: probability of a horizontal flip; 0 = off
 * @param validationFraction share of the training set held out when the request brings no validation set
 * @param patience           early stopping: epochs without a lower validation loss before stopping; 0 = off
 * @param threads            native threads; 0 = the runtime's default
 */
record TrainingSettings(int epochs, int batchSize, double learningRate, LearningRateSchedule schedule,
                        double weightDecay, int shiftPixels, double flipProbability, double validationFraction,
                        int patience, int threads) {

    boolean augments() {
        return shiftPixels > 0 || flipProbability > 0;
    }

    Augmenter augmenter() {
        return augments() ? Augmenter.builder().shift(shiftPixels).horizontalFlip(flipProbability).build() : Augmenter.none();
    }
}
