package io.github.fmnist.classic;

import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.TrainingRequest;
import java.util.List;
import java.util.Map;
import smile.classification.RandomForest;

/**
 * Random forest ({@code rf}) of Gini-split CART trees on the 784 pixels (Smile 6), bootstrap-sampled per
 * class, with probabilities from out-of-bag-weighted leaf frequencies.
 *
 * <p>Trees grow in parallel in batches of {@link #TREE_BATCH}; progress is reported and cancellation
 * honoured after each batch. Each tree is seeded from the training seed and its index, so a fixed seed
 * gives the same forest on any number of cores.
 */
public final class RandomForestProvider extends ClassicProvider {
    /** Provider id. */
    public static final String ID = "rf";
    /** Number of trees. */
    public static final Hyperparameter<Integer> TREES =
            Hyperparameter.ofInt("trees", 100, 1, 10_000, "number of trees");
    /** Features tried at each split; 0 means √784 = 28. */
    public static final Hyperparameter<Integer> MTRY =
            Hyperparameter.ofInt("mtry", 0, 0, 784, "features tried per split (0 = square root of 784)");
    /** Maximum tree depth. */
    public static final Hyperparameter<Integer> MAX_DEPTH =
            Hyperparameter.ofInt("max-depth", 50, 2, 1000, "maximum tree depth");
    /** Maximum leaves per tree; 0 means one per five training examples. */
    public static final Hyperparameter<Integer> MAX_NODES =
            Hyperparameter.ofInt("max-nodes", 0, 0, 10_000_000, "maximum leaves per tree (0 = training size / 5)");
    /** Minimum examples in a leaf. */
    public static final Hyperparameter<Integer> NODE_SIZE =
            Hyperparameter.ofInt("node-size", 1, 1, 10_000, "minimum examples per leaf");

    /** Trees grown between progress reports and cancellation checks. */
    public static final int TREE_BATCH = 25;

    /** Largest payload accepted (about 22 bytes per node; see the README for measured sizes). */
    public static final long MAX_PAYLOAD_BYTES = 512L << 20;

    private static final List<Hyperparameter<?>> DECLARED = List.of(TREES, MTRY, MAX_DEPTH, MAX_NODES, NODE_SIZE);
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults(DECLARED);
    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(ID, "Random forest", ClassicModels.FAMILY,
            ClassicModels.VERSION, "Random forest of CART trees on the pixels (Smile 6).", true,
            Map.of(ModelDescriptor.DEFAULT_PRESET, DEFAULTS,
                    ClassicModels.FULL_PRESET, DEFAULTS.with(TREES, 300)));

    /** The provider ServiceLoader creates. */
    public RandomForestProvider() {
        super(DESCRIPTOR, MAX_PAYLOAD_BYTES);
    }

    @Override
    Classifier fit(ModelInfo info, Hyperparameters hyperparameters, TrainingRequest request, int[] labels,
                   TrainingReporter reporter) {
        RandomForest forest = new ForestTrainer(hyperparameters.get(TREES), TREE_BATCH, hyperparameters.get(MTRY),
                hyperparameters.get(MAX_DEPTH), hyperparameters.get(MAX_NODES), hyperparameters.get(NODE_SIZE))
                .fit(request.train(), labels, request.seed(), reporter);
        return new ForestClassifier(info, ForestModel.of(forest));
    }

    @Override
    Classifier load(BundlePayload payload) {
        return new ForestClassifier(payload.info(), ForestModel.read(payload.model()));
    }
}
