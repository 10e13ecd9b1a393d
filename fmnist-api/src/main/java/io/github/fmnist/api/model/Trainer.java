package io.github.fmnist.api.model;

/**
 * Fits a classifier. Made by {@link ModelProvider#trainer(Hyperparameters)} with fixed hyperparameters;
 * the same request (data, seed) gives the same classifier on the same hardware and thread count.
 */
public interface Trainer {

    /**
     * Trains on {@code request.train()}, reporting to {@code request.listener()}.
     *
     * @throws io.github.fmnist.api.TrainingCancelledException if the listener asked to cancel
     */
    Classifier fit(TrainingRequest request);
}
