package io.github.fmnist.api.model;

import io.github.fmnist.api.DataOrigin;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.Provenance;
import java.util.Objects;

/**
 * What to train on, and with how many threads.
 *
 * <pre>{@code
 * TrainingRequest request = TrainingRequest.of(split.train(), 42L)
 *         .withValidation(split.validation())
 *         .withListener(progress)
 *         .withThreads(1);
 * }</pre>
 *
 * @param train      training examples (not empty)
 * @param validation held-out examples for per-epoch validation and early stopping; may be {@link LabeledDataset#empty()}
 * @param seed       seeds every random choice (initialisation, shuffling, augmentation)
 * @param listener   receives progress events and may cancel
 * @param threads    the most threads the trainer may compute with, Java and native together; every trainer honours
 *                   it (for Java parallel streams, {@link ThreadBudget#run} confines them). Results are bit-identical
 *                   for a fixed seed and thread count.
 */
public record TrainingRequest(LabeledDataset train, LabeledDataset validation, long seed, TrainingListener listener,
                              int threads) {
    public TrainingRequest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(listener, "listener");
        if (train.isEmpty()) {
            throw new InvalidInputException("cannot train on an empty training set");
        }
        if (threads < 1) {
            throw new InvalidInputException("a training needs at least 1 thread, found " + threads);
        }
    }

    /** A request that may use every available processor. */
    public TrainingRequest(LabeledDataset train, LabeledDataset validation, long seed, TrainingListener listener) {
        this(train, validation, seed, listener, Runtime.getRuntime().availableProcessors());
    }

    /** Training data only: no validation set, no listener, every available processor. */
    public static TrainingRequest of(LabeledDataset train, long seed) {
        return new TrainingRequest(train, LabeledDataset.empty(), seed, TrainingListener.NONE);
    }

    /** This request with {@code validation} held out for per-epoch metrics. */
    public TrainingRequest withValidation(LabeledDataset validation) {
        return new TrainingRequest(train, validation, seed, listener, threads);
    }

    /** This request reporting to {@code listener}. */
    public TrainingRequest withListener(TrainingListener listener) {
        return new TrainingRequest(train, validation, seed, listener, threads);
    }

    /** This request limited to {@code threads} threads. */
    public TrainingRequest withThreads(int threads) {
        return new TrainingRequest(train, validation, seed, listener, threads);
    }

    /**
     * Where the training and validation examples came from: the training set's origin, joined by the validation
     * set's where that says something else.
     */
    public DataOrigin origin() {
        DataOrigin trainOrigin = train.origin();
        DataOrigin validationOrigin = validation.origin();
        if (validation.isEmpty() || validationOrigin.equals(trainOrigin)) {
            return trainOrigin;
        }
        return trainOrigin.combinedWith(validationOrigin, trainOrigin.description() + "; " + validationOrigin.description());
    }

    /**
     * The provenance of a model trained from this request: its data's checksums and description, the seed, the
     * epochs actually run and the threads used; for trainers to put in the classifier's {@link ModelInfo}.
     */
    public Provenance provenance(int epochsRun, int threadsUsed) {
        DataOrigin origin = origin();
        return Provenance.now(origin.sha256(), seed, origin.description(), epochsRun, threadsUsed);
    }
}
