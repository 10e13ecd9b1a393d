package io.github.fmnist.classic;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.ThreadBudget;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingRequest;

/**
 * The frame every classic provider shares: training reports its start and end, refuses a training set that
 * lacks a class, records the request's provenance, and runs the model-specific fit within the request's thread
 * budget after seeding Smile's generator on the thread that fits; loading
 * opens and checks the bundle before the model-specific part reads it.
 */
abstract class ClassicProvider implements ModelProvider {
    private final ModelDescriptor descriptor;
    private final long maxPayloadBytes;

    /** @param maxPayloadBytes the largest payload this model's biggest setting writes, with room; see the README */
    ClassicProvider(ModelDescriptor descriptor, long maxPayloadBytes) {
        this.descriptor = descriptor;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public final long maxPayloadBytes() {
        return maxPayloadBytes;
    }

    @Override
    public final String unreadableVersionAdvice(String bundleProviderVersion) {
        return ClassicModels.unreadableVersionAdvice(bundleProviderVersion);
    }

    @Override
    public final ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Trainer trainer(Hyperparameters hyperparameters) {
        ModelInfo info = ModelInfo.of(descriptor, hyperparameters);
        return request -> {
            TrainingReporter reporter = new TrainingReporter(descriptor.id(), request.listener());
            int epochs = epochs(hyperparameters);
            reporter.started(epochs, iterationsPerEpoch(hyperparameters, request.train().size()));
            int[] labels = TrainingData.labelsWithAllClasses(request.train(), minimumPerClass());
            // Parallel streams in Smile and in the fit run on the request's threads only; the seed is per thread, so
            // it is set on the worker that fits.
            ModelInfo trained = info.withProvenance(request.provenance(epochs, request.threads()));
            Classifier classifier = ThreadBudget.runUnchecked(request.threads(), "fmnist-" + descriptor.id() + "-train", () -> {
                ClassicModels.seed(request.seed());
                return fit(trained, hyperparameters, request, labels, reporter);
            });
            reporter.finished(epochs);
            return classifier;
        };
    }

    @Override
    public final Classifier load(ModelBundle bundle) {
        return load(BundlePayload.open(bundle, descriptor));
    }

    /** Passes over the training set the trainer reports; 1 for a model fitted in one go. */
    int epochs(Hyperparameters hyperparameters) {
        return 1;
    }

    /** Iterations per epoch the trainer reports; 0 when it reports none. */
    long iterationsPerEpoch(Hyperparameters hyperparameters, int trainingImages) {
        return 0;
    }

    /** Fewest training examples every class needs. */
    int minimumPerClass() {
        return 1;
    }

    /**
     * Fits the model on {@code request.train()}.
     *
     * @param labels the training labels, every class present at least {@link #minimumPerClass()} times
     */
    abstract Classifier fit(ModelInfo info, Hyperparameters hyperparameters, TrainingRequest request, int[] labels,
                            TrainingReporter reporter);

    /** Rebuilds the classifier from a bundle already checked to be this provider's. */
    abstract Classifier load(BundlePayload payload);
}
