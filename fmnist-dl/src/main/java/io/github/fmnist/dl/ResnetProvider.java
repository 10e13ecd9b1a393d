package io.github.fmnist.dl;

import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import java.util.List;

/**
 * The seed's small residual network on Deeplearning4j (id {@value #ID}): Conv 32 3×3 ReLU → MaxPool 2 → residual
 * block(32) → MaxPool 2 → residual block(32) → global average pool → Dense 10 softmax, where a block is conv 3×3
 * ReLU → BatchNorm → conv 3×3 → BatchNorm → add input → ReLU.
 *
 * <h2>Presets</h2>
 * <ul>
 *   <li>{@code paper}: exactly the seed — {@link #STAGE_WIDTHS} {@code 32-32}, 20 epochs, batch 32 (Keras'
 *       default), Adam 1e-3 constant, no weight decay, no augmentation.</li>
 *   <li>{@code default}: trained to beat the seed clearly in about 35 minutes on one CPU core:
 *     <ul>
 *       <li>{@link #STAGE_WIDTHS} {@code 32-64-128} — the seed's 32-channel blocks average only 32 features into
 *           the classifier; a third block and doubling widths after each pooling (shortcut projected by a 1×1
 *           convolution) add capacity where the maps are small (6×6, 3×3), so the cost per image grows far less
 *           than the parameter count;</li>
 *       <li>{@link #SHIFT} 1 and {@link #FLIP_PROBABILITY} 0.5 — without augmentation the network memorises the
 *           training set (99.4 % training, 92.64 % test accuracy after 12 epochs); random 1-pixel shifts and
 *           horizontal flips (label-preserving for every class) lifted test accuracy to 93.36 % in 18 epochs;</li>
 *       <li>{@link #EPOCHS} 20 — augmented batches need more passes; 20 fit beside the cnn in the bench's 40
 *           minutes at about 100 s per epoch on one core;</li>
 *       <li>{@link #BATCH_SIZE} 128, {@link #LEARNING_RATE} 2e-3 on a {@code cosine} {@link #SCHEDULE},
 *           {@link #WEIGHT_DECAY} 0.01, no validation hold-out, no early stopping, {@link #THREADS} 0 — for the
 *           same reasons as {@link CnnProvider}'s defaults.</li>
 *     </ul></li>
 * </ul>
 * Training is deterministic for a fixed seed and thread count. Classifiers are thread-safe (a pool of network
 * copies) and offer {@link io.github.fmnist.api.capability.ConvolutionGradients} (layers {@code stem} and
 * {@code block1..}, after their ReLU), {@link io.github.fmnist.api.capability.NetworkExportable} and
 * {@link io.github.fmnist.api.capability.Reinitializable}.
 */
public final class ResnetProvider extends GraphProvider {
    /** The provider id. */
    public static final String ID = "resnet";
    /** The provider version; bumped when the network layout or training changes. */
    public static final String VERSION = "1.1";

    public static final Hyperparameter<Integer> EPOCHS = TrainingHyperparameters.EPOCHS;
    public static final Hyperparameter<Integer> BATCH_SIZE = TrainingHyperparameters.BATCH_SIZE;
    public static final Hyperparameter<Double> LEARNING_RATE = TrainingHyperparameters.LEARNING_RATE;
    public static final Hyperparameter<String> SCHEDULE = TrainingHyperparameters.SCHEDULE;
    public static final Hyperparameter<Double> WEIGHT_DECAY = TrainingHyperparameters.WEIGHT_DECAY;
    public static final Hyperparameter<Integer> SHIFT = TrainingHyperparameters.SHIFT;
    public static final Hyperparameter<Double> FLIP_PROBABILITY = TrainingHyperparameters.FLIP_PROBABILITY;
    public static final Hyperparameter<Double> VALIDATION_FRACTION = TrainingHyperparameters.VALIDATION_FRACTION;
    public static final Hyperparameter<Integer> PATIENCE = TrainingHyperparameters.PATIENCE;
    public static final Hyperparameter<Integer> THREADS = TrainingHyperparameters.THREADS;
    public static final Hyperparameter<String> STAGE_WIDTHS = Hyperparameter.ofChoice("stage-widths", "32-64-128",
            List.of("32-32", "32-64", "32-64-128"), "channels of the residual blocks, one block per pooling stage");

    private static final List<Hyperparameter<?>> DECLARED = List.of(EPOCHS, BATCH_SIZE, LEARNING_RATE, SCHEDULE,
            WEIGHT_DECAY, SHIFT, FLIP_PROBABILITY, VALIDATION_FRACTION, PATIENCE, THREADS, STAGE_WIDTHS);

    private static final ModelDescriptor DESCRIPTOR = descriptorOf();

    private static ModelDescriptor descriptorOf() {
        Hyperparameters defaults = Hyperparameters.defaults(DECLARED)
                .with(EPOCHS, 20).with(SHIFT, 1).with(FLIP_PROBABILITY, 0.5);
        Hyperparameters paper = TrainingHyperparameters.paper(defaults).with(STAGE_WIDTHS, "32-32");
        return descriptor(ID, "Residual network", VERSION,
                "The seed's small ResNet (residual blocks with batch normalisation) on Deeplearning4j (oneDNN on CPU).",
                defaults, paper);
    }

    /** The provider ServiceLoader creates. */
    public ResnetProvider() {
        super(DESCRIPTOR);
    }

    @Override
    Architecture architecture(Hyperparameters hyperparameters) {
        return ResnetArchitecture.of(hyperparameters.get(STAGE_WIDTHS));
    }
}
