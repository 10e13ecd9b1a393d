package io.github.fmnist.classic;

import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.TrainingRequest;
import java.util.List;
import java.util.Map;

/**
 * Multilayer perceptron ({@code mlp}) on the 784 pixels (Smile 6): one ReLU hidden layer and a softmax
 * output trained on the log-likelihood by mini-batch SGD with momentum and, by default, a learning rate
 * that falls linearly from epoch to epoch.
 *
 * <p>Smile's MLP computes with BLAS through the JDK's foreign-function API, so training and prediction
 * need the OpenBLAS shared library; without it, training and loading fail with a
 * {@link io.github.fmnist.api.MissingNativeLibraryException} saying what to install.
 *
 * <p>Training reports an {@code EpochCompleted} per epoch, with loss and accuracy on the first 2,000
 * training images (and on the validation set if one is given), and checks for cancellation every 50
 * mini-batches. Deterministic for a fixed seed and BLAS thread count. The classifier exports itself as a
 * network: Flatten → Dense → ReLU → Dense logits.
 */
public final class MlpProvider extends ClassicProvider {
    /** Provider id. */
    public static final String ID = "mlp";
    /** Width of the hidden layer. */
    public static final Hyperparameter<Integer> HIDDEN_UNITS =
            Hyperparameter.ofInt("hidden-units", 256, 1, 100_000, "ReLU units in the hidden layer");
    /** Passes over the training set. */
    public static final Hyperparameter<Integer> EPOCHS =
            Hyperparameter.ofInt("epochs", 20, 1, 10_000, "passes over the training set");
    /** Examples per SGD step. */
    public static final Hyperparameter<Integer> MINI_BATCH =
            Hyperparameter.ofInt("mini-batch", 32, 1, 100_000, "examples per SGD step");
    /** SGD learning rate (Smile averages the mini-batch gradient). */
    public static final Hyperparameter<Double> LEARNING_RATE =
            Hyperparameter.ofDouble("learning-rate", 0.01, 1e-9, 10.0, "SGD learning rate");
    /** Momentum factor, 0 for plain SGD. */
    public static final Hyperparameter<Double> MOMENTUM =
            Hyperparameter.ofDouble("momentum", 0.9, 0.0, 0.999, "SGD momentum (0 = none)");
    /** L2 weight decay λ (Smile's {@code setWeightDecay}). */
    public static final Hyperparameter<Double> WEIGHT_DECAY =
            Hyperparameter.ofDouble("weight-decay", 0.0, 0.0, 1.0, "L2 weight decay");

    /** Learning-rate schedule over the epochs. */
    public static final Hyperparameter<String> SCHEDULE = Hyperparameter.ofChoice("schedule", "linear",
            List.of("constant", "linear"), "learning rate per epoch: constant, or linear decay to learning-rate / epochs");

    /**
     * Largest payload accepted: float32 weights, 3.2 KB per hidden unit of a 784-input layer, so 128 MiB holds a
     * 40,000-unit hidden layer (the default 256 units take 0.8 MB).
     */
    public static final long MAX_PAYLOAD_BYTES = 128L << 20;

    private static final List<Hyperparameter<?>> DECLARED =
            List.of(HIDDEN_UNITS, EPOCHS, MINI_BATCH, LEARNING_RATE, MOMENTUM, WEIGHT_DECAY, SCHEDULE);
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults(DECLARED);
    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(ID, "Multilayer perceptron",
            ClassicModels.FAMILY, ClassicModels.VERSION,
            "784-256-10 perceptron with a ReLU hidden layer and softmax output (Smile 6, SGD with momentum).", true,
            Map.of(ModelDescriptor.DEFAULT_PRESET, DEFAULTS,
                    ClassicModels.FULL_PRESET, DEFAULTS.with(HIDDEN_UNITS, 512).with(EPOCHS, 40)));

    /** The provider ServiceLoader creates. */
    public MlpProvider() {
        super(DESCRIPTOR, MAX_PAYLOAD_BYTES);
    }

    @Override
    int epochs(Hyperparameters hyperparameters) {
        return hyperparameters.get(EPOCHS);
    }

    @Override
    long iterationsPerEpoch(Hyperparameters hyperparameters, int trainingImages) {
        int miniBatch = hyperparameters.get(MINI_BATCH);
        return (trainingImages + miniBatch - 1) / miniBatch;
    }

    @Override
    Classifier fit(ModelInfo info, Hyperparameters hyperparameters, TrainingRequest request, int[] labels,
                   TrainingReporter reporter) {
        OpenBlas.require("MLP training");
        try {
            ExportableMlp model = new MlpTrainer(hyperparameters.get(HIDDEN_UNITS), hyperparameters.get(EPOCHS),
                    hyperparameters.get(MINI_BATCH), hyperparameters.get(LEARNING_RATE), hyperparameters.get(MOMENTUM),
                    hyperparameters.get(WEIGHT_DECAY), hyperparameters.get(SCHEDULE).equals("linear"))
                    .fit(request.train(), labels, request.validation(), request.seed(), reporter);
            return new MlpClassifier(info, model);
        } catch (LinkageError e) {
            throw OpenBlas.translate(e, "MLP training").orElseThrow(() -> e);
        }
    }

    @Override
    Classifier load(BundlePayload payload) {
        OpenBlas.require("MLP prediction");
        return new MlpClassifier(payload.info(), MlpClassifier.readModel(payload.model()));
    }
}
