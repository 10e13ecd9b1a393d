/**
 * The model SPI: {@link io.github.fmnist.api.model.ModelProvider} plugins describe themselves, create {@link io.github.fmnist.api.model.Trainer}s with typed {@link io.github.fmnist.api.model.Hyperparameters}, and load trained {@link io.github.fmnist.api.model.Classifier}s.
 */
package io.github.fmnist.api.model;
