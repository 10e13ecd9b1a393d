package io.github.fmnist.dl;

import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.List;

/** The training hyperparameters both networks share, their seed ("paper") values, and the settings they make. */
final class TrainingHyperparameters {
    static final Hyperparameter<Integer> EPOCHS =
            Hyperparameter.ofInt("epochs", 12, 1, 1000, "passes over the training set");
    static final Hyperparameter<Integer> BATCH_SIZE =
            Hyperparameter.ofInt("batch-size", 128, 1, 4096, "examples per optimisation step");
    static final Hyperparameter<Double> LEARNING_RATE =
            Hyperparameter.ofDouble("learning-rate", 2e-3, 1e-6, 1, "Adam's base learning rate");
    static final Hyperparameter<String> SCHEDULE = Hyperparameter.ofChoice("lr-schedule", "cosine",
            List.of("constant", "cosine", "step"), "learning-rate schedule over the epochs: constant, half cosine to zero, or ÷10 at 50% and 75%");
    static final Hyperparameter<Double> WEIGHT_DECAY =
            Hyperparameter.ofDouble("weight-decay", 0.01, 0, 1, "decoupled weight decay per step, scaled by the learning rate (0 = off)");
    static final Hyperparameter<Integer> SHIFT =
            Hyperparameter.ofInt("augment-shift", 0, 0, 8, "augmentation: largest random shift in pixels (0 = off)");
    static final Hyperparameter<Double> FLIP_PROBABILITY =
            Hyperparameter.ofDouble("augment-flip", 0.0, 0, 1, "augmentation: probability of a horizontal flip (0 = off)");
    static final Hyperparameter<Double> VALIDATION_FRACTION = Hyperparameter.ofDouble("validation-fraction", 0.0, 0, 0.5,
            "share of the training set held out (stratified) for validation when the request brings no validation set");
    static final Hyperparameter<Integer> PATIENCE = Hyperparameter.ofInt("early-stopping-patience", 0, 0, 1000,
            "stop after this many epochs without a lower validation loss and restore the best epoch (0 = off)");
    static final Hyperparameter<Integer> THREADS =
            Hyperparameter.ofInt("threads", 0, 0, 256, "native threads (0 = OMP_NUM_THREADS or the core count), at most the request's thread budget; fix it for bit-identical results");

    /** The shared hyperparameters, in declaration order. */
    static final List<Hyperparameter<?>> SHARED = List.of(EPOCHS, BATCH_SIZE, LEARNING_RATE, SCHEDULE,
            WEIGHT_DECAY, SHIFT, FLIP_PROBABILITY, VALIDATION_FRACTION, PATIENCE, THREADS);

    private TrainingHyperparameters() {
    }

    /** {@code defaults} with the seed's training configuration: 20 epochs, Adam 1e-3, batch 32, no extras. */
    static Hyperparameters paper(Hyperparameters defaults) {
        return defaults.with(EPOCHS, 20).with(BATCH_SIZE, 32).with(LEARNING_RATE, 1e-3)
                .with(SCHEDULE, "constant").with(WEIGHT_DECAY, 0.0).with(SHIFT, 0).with(FLIP_PROBABILITY, 0.0);
    }

    static TrainingSettings settings(Hyperparameters h) {
        return new TrainingSettings(h.get(EPOCHS), h.get(BATCH_SIZE), h.get(LEARNING_RATE),
                LearningRateSchedule.of(h.get(SCHEDULE)), h.get(WEIGHT_DECAY), h.get(SHIFT), h.get(FLIP_PROBABILITY),
                h.get(VALIDATION_FRACTION), h.get(PATIENCE), h.get(THREADS));
    }
}
