package io.github.fmnist.ensemble;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.registry.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code ensemble} model plugin: weighted soft voting over other fmnist classifiers (networks, classic models,
 * ONNX models, other ensembles), optionally averaging each member over the image and its mirror image
 * (horizontal-flip test-time augmentation) and over small zero-filled translations ({@link #SHIFT_TTA}). Its
 * probabilities are {@code Σ ŵᵢ pᵢ}, with {@code ŵ} the weights divided by their sum and {@code pᵢ} member
 * {@code i}'s probabilities (with flips or shifts, the mean of its probabilities over those views of the image).
 *
 * <p>Members are named in the {@link #MEMBERS} hyperparameter: a bundle file ({@code models/cnn.fmnist}), loaded
 * through the {@link PluginRegistry} (so verified and version-checked like any bundle), or a provider id
 * ({@code cnn}), trained on the ensemble's training request with that provider's default preset. An ensemble built
 * only from bundles trains nothing.
 *
 * <p>Its bundle holds each member's whole bundle as a payload entry ({@code member-0.fmnist}, ...); loading reads
 * each with {@link ModelBundle#readNested} (manifest, sizes, SHA-256, size limit) and hands it to the registry
 * (provider version check). When every member offers {@code NetworkExportable}, so does the ensemble: one network
 * description with the members side by side on the same input and a {@code ProbabilityAverage} vote, which
 * fmnist-onnx exports as one ONNX graph.
 *
 * <pre>{@code
 * Hyperparameters hp = new EnsembleProvider().descriptor().defaults()
 *         .with(EnsembleProvider.MEMBERS, "models/cnn.fmnist,models/resnet.fmnist")
 *         .with(EnsembleProvider.FLIP_TTA, true);
 * Classifier ensemble = new EnsembleProvider().trainer(hp).fit(TrainingRequest.of(train, 42L));
 * }</pre>
 */
public final class EnsembleProvider implements ModelProvider {
    /** The provider id. */
    public static final String ID = "ensemble";
    /** The provider version bundles record (1.1 added {@link #SHIFT_TTA}; 1.0 bundles read as without shifts). */
    public static final String VERSION = "1.1";

    /** Comma-separated members: bundle files (ending in {@code .fmnist} or holding a '/') or provider ids. */
    public static final Hyperparameter<String> MEMBERS = Hyperparameter.ofText("members", "cnn,resnet",
            "comma-separated members: bundle files (*.fmnist) to load, or provider ids to train with their default preset");
    /** {@code equal}, or one positive weight per member, comma-separated. */
    public static final Hyperparameter<String> WEIGHTS = Hyperparameter.ofText("weights", "equal",
            "'equal', or one positive weight per member, comma-separated (normalised to sum to 1)");
    /** Whether each member also votes on the mirrored image. */
    public static final Hyperparameter<Boolean> FLIP_TTA = Hyperparameter.ofBoolean("flip-tta", false,
            "average each member over the image and its horizontal mirror (test-time augmentation)");

    /**
     * Largest translation, in pixels, each member also votes on: with {@code s > 0} the image is also shifted by 1 to
     * {@code s} pixels left, right, up and down (zero-filled), each view weighted equally (and mirrored too with
     * {@link #FLIP_TTA}).
     */
    public static final Hyperparameter<Integer> SHIFT_TTA = Hyperparameter.ofInt("shift-tta", 0, 0, TestTimeViews.MAX_SHIFT,
            "also average each member over the image shifted by 1 to this many pixels left, right, up and down (zero-filled)");

    private static final List<Hyperparameter<?>> DECLARED = List.of(MEMBERS, WEIGHTS, FLIP_TTA, SHIFT_TTA);

    private final Supplier<PluginRegistry> registry;
    private volatile ModelDescriptor descriptor;

    /** For {@link java.util.ServiceLoader}: discovers the plugins members need when first asked to train or load. */
    public EnsembleProvider() {
        this(PluginRegistry.lazy(EnsembleProvider.class.getClassLoader()));
    }

    /** An ensemble provider loading and training members with {@code registry}'s plugins. */
    public EnsembleProvider(PluginRegistry registry) {
        this(() -> registry);
        Objects.requireNonNull(registry, "registry");
    }

    private EnsembleProvider(Supplier<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public ModelDescriptor descriptor() {
        ModelDescriptor d = descriptor;
        if (d == null) {
            Hyperparameters defaults = Hyperparameters.defaults(DECLARED);
            Map<String, Hyperparameters> presets = new LinkedHashMap<>();
            presets.put(ModelDescriptor.DEFAULT_PRESET, defaults);
            presets.put("tta", defaults.with(FLIP_TTA, true));
            d = new ModelDescriptor(ID, "Ensemble (soft voting)", "composite", VERSION,
                    "Weighted mean of the members' probabilities, optionally over the image and its mirror; members are "
                            + "bundles to load or providers to train.", true, presets);
            descriptor = d;
        }
        return d;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return new EnsembleTrainer(descriptor(), hyperparameters, EnsembleSettings.of(hyperparameters), registry.get());
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        bundle.requireProvider(ID);
        Hyperparameters hyperparameters = descriptor().defaults().withAll(bundle.manifest().hyperparameters());
        return EnsembleBundle.load(bundle, ModelInfo.of(bundle.manifest(), hyperparameters), registry.get());
    }
}
