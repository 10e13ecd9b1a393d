package io.github.fmnist.dl;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's small residual network on Deeplearning4j (id {@value #ID}): Conv 32 3×3 ReLU → MaxPool 2 → residual
 * block(32) → MaxPool 2 → residual block(32) → global average pool → Dense 10 softmax, where a block is conv 3×3
 * ReLU → BatchNorm → conv 3×3 → BatchNorm → add input → ReLU.
 *
 * <h2>Presets</h2>
 * <ul>
 *   <li>{@code paper}: exactly the seed — {@link #STAGE_WIDTHS} {@code 32-32}, 20 epochs, batch 32 (Keras'
 *       default), Adam 1e-3 constant, no weight decay, no augmentation.</li>
 *   <li>{@code default}: trained to beat the seed clearly within about twenty minutes on two CPU cores:
 *     <ul>
 *       <li>{@link #STAGE_WIDTHS} {@code 32-64-128} — the seed's 32-channel blocks average only 32 features into
 *           the classifier; a third block and doubling widths after each pooling (shortcut projected by a 1×1
 *           convolution) add capacity where the maps are small (6×6, 3×3), so the cost per image grows far less
 *           than the parameter count;</li>
 *       <li>{@link #EPOCHS} 12, {@link #BATCH_SIZE} 128, {@link #LEARNING_RATE} 2e-3 on a {@code cosine}
 *           {@link #SCHEDULE}, {@link #WEIGHT_DECAY} 0.01, no augmentation ({@link #SHIFT} 0, {@link #FLIP_PROBABILITY} 0),
 *           no validation hold-out, no early stopping, {@link #THREADS} 0 — chosen for the same reasons as
 *           {@link CnnProvider}'s defaults.</li>
 *     </ul></li>
 * </ul>
 * Training is deterministic for a fixed seed and thread count. Classifiers are thread-safe (a pool of network
 * copies) and offer {@link io.github.fmnist.api.capability.ConvolutionGradients} (layers {@code stem} and
 * {@code block1..}, after their ReLU) and {@link io.github.fmnist.api.capability.NetworkExportable}.
 */
public final class ResnetProvider implements ModelProvider {
    /** The provider id. */
    public static final String ID = "resnet";
    /** The provider version; bumped when the network layout or training changes. */
    public static final String VERSION = "1.0";

    public static final Hyperparameter<Integer> EPOCHS =
            Hyperparameter.ofInt("epochs", 12, 1, 1000, "passes over the training set");
    public static final Hyperparameter<Integer> BATCH_SIZE =
            Hyperparameter.ofInt("batch-size", 128, 1, 4096, "examples per optimisation step");
    public static final Hyperparameter<Double> LEARNING_RATE =
            Hyperparameter.ofDouble("learning-rate", 2e-3, 1e-6, 1, "Adam's base learning rate");
    public static final Hyperparameter<String> SCHEDULE = Hyperparameter.ofChoice("lr-schedule", "cosine",
            List.of("constant", "cosine", "step"), "learning-rate schedule over the epochs: constant, half cosine to zero, or ÷10 at 50% and 75%");
    public static final Hyperparameter<Double> WEIGHT_DECAY =
            Hyperparameter.ofDouble("weight-decay", 0.01, 0, 1, "decoupled weight decay per step, scaled by the learning rate (0 = off)");
    public static final Hyperparameter<Integer> SHIFT =
            Hyperparameter.ofInt("augment-shift", 0, 0, 8, "augmentation: largest random shift in pixels (0 = off)");
    public static final Hyperparameter<Double> FLIP_PROBABILITY =
            Hyperparameter.ofDouble("augment-flip", 0.0, 0, 1, "augmentation: probability of a horizontal flip (0 = off)");
    public static final Hyperparameter<Double> VALIDATION_FRACTION = Hyperparameter.ofDouble("validation-fraction", 0.0, 0, 0.5,
            "share of the training set held out (stratified) for validation when the request brings no validation set");
    public static final Hyperparameter<Integer> PATIENCE = Hyperparameter.ofInt("early-stopping-patience", 0, 0, 1000,
            "stop after this many epochs without a lower validation loss and restore the best epoch (0 = off)");
    public static final Hyperparameter<Integer> THREADS =
            Hyperparameter.ofInt("threads", 0, 0, 256, "native threads (0 = OMP_NUM_THREADS or the core count); fix it for bit-identical results");
    public static final Hyperparameter<String> STAGE_WIDTHS = Hyperparameter.ofChoice("stage-widths", "32-64-128",
            List.of("32-32", "32-64", "32-64-128"), "channels of the residual blocks, one block per pooling stage");

    private static final List<Hyperparameter<?>> DECLARED = List.of(EPOCHS, BATCH_SIZE, LEARNING_RATE, SCHEDULE,
            WEIGHT_DECAY, SHIFT, FLIP_PROBABILITY, VALIDATION_FRACTION, PATIENCE, THREADS, STAGE_WIDTHS);

    private static final ModelDescriptor DESCRIPTOR = descriptorOf();

    private static ModelDescriptor descriptorOf() {
        Hyperparameters defaults = Hyperparameters.defaults(DECLARED);
        Hyperparameters paper = defaults.with(EPOCHS, 20).with(BATCH_SIZE, 32).with(LEARNING_RATE, 1e-3)
                .with(SCHEDULE, "constant").with(WEIGHT_DECAY, 0.0).with(SHIFT, 0).with(FLIP_PROBABILITY, 0.0)
                .with(STAGE_WIDTHS, "32-32");
        Map<String, Hyperparameters> presets = new LinkedHashMap<>();
        presets.put(ModelDescriptor.DEFAULT_PRESET, defaults);
        presets.put("paper", paper);
        return new ModelDescriptor(ID, "Residual network", "deep", VERSION,
                "The seed's small ResNet (residual blocks with batch normalisation) on Deeplearning4j (oneDNN on CPU).",
                true, presets);
    }

    @Override
    public ModelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        TrainingSettings settings = new TrainingSettings(hyperparameters.get(EPOCHS), hyperparameters.get(BATCH_SIZE),
                hyperparameters.get(LEARNING_RATE), LearningRateSchedule.of(hyperparameters.get(SCHEDULE)),
                hyperparameters.get(WEIGHT_DECAY), hyperparameters.get(SHIFT), hyperparameters.get(FLIP_PROBABILITY),
                hyperparameters.get(VALIDATION_FRACTION), hyperparameters.get(PATIENCE), hyperparameters.get(THREADS));
        return new GraphTrainer(ModelInfo.of(DESCRIPTOR, hyperparameters), settings, architecture(hyperparameters));
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        return GraphBundles.load(bundle, DESCRIPTOR, ResnetProvider::architecture);
    }

    private static Architecture architecture(Hyperparameters hyperparameters) {
        return ResnetArchitecture.of(hyperparameters.get(STAGE_WIDTHS));
    }
}
