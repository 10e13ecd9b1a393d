package io.github.fmnist.hybrid;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.registry.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code hybrid} model plugin: a classic head trained on a network's embedding. The network (named by
 * {@link #NETWORK}: a bundle file to load through the {@link PluginRegistry}, or a provider id to train on the
 * request with its default preset) must offer the api's {@code FeatureExtractor}, as fmnist-dl's {@code cnn} and
 * {@code resnet} do. The head is Smile's multinomial logistic regression on the standardised features of the
 * training images (chosen over an RBF SVM by measurement; see the module README); with {@link #FLIP} (the default)
 * it also learns from the mirrored training images and predicts the mean over an image and its mirror.
 *
 * <p>The bundle holds the network's whole bundle ({@code network.fmnist}, read back with
 * {@link ModelBundle#readNested} and loaded through the registry, so verified and version-checked like any bundle)
 * and the head as numbers ({@code head.bin}). When the network offers {@code NetworkExportable}, so does the hybrid:
 * the network's description up to its feature layer, then Flatten, Standardize and the head's Dense layer.
 */
public final class HybridProvider implements ModelProvider {
    /** The provider id. */
    public static final String ID = "hybrid";
    /** The provider version bundles record. */
    public static final String VERSION = "1.0";

    /** The network whose features the head learns from: a bundle file (*.fmnist) or a provider id. */
    public static final Hyperparameter<String> NETWORK = Hyperparameter.ofText("network", "resnet",
            "the network: a bundle file (*.fmnist) to load, or a provider id to train with its default preset; it must offer FeatureExtractor");
    /**
     * Whether the head also learns from the mirrored training images and predicts the mean over an image and its
     * mirror (the measured winner; see the module README).
     */
    public static final Hyperparameter<Boolean> FLIP = Hyperparameter.ofBoolean("flip", true,
            "train the head on the features of the training images and of their mirror images, and predict the mean over image and mirror");
    /** L2 penalty of the logistic-regression head. */
    public static final Hyperparameter<Double> LAMBDA = Hyperparameter.ofDouble("lambda", 100, 0, 1e6,
            "L2 penalty λ of the logistic-regression head (λ/2 ‖W‖² on the summed log-likelihood)");
    /** L-BFGS iterations of the head. */
    public static final Hyperparameter<Integer> MAX_ITERATIONS = Hyperparameter.ofInt("max-iterations", 500, 1, 100_000,
            "L-BFGS iterations of the head");
    /** L-BFGS convergence tolerance. */
    public static final Hyperparameter<Double> TOLERANCE = Hyperparameter.ofDouble("tolerance", 1e-5, 1e-12, 1,
            "L-BFGS convergence tolerance");

    static final String NETWORK_ENTRY = "network" + ModelBundle.EXTENSION;
    static final String HEAD_ENTRY = "head.bin";

    private final Supplier<PluginRegistry> registry;
    private final ModelDescriptor descriptor = new ModelDescriptor(ID, "Hybrid (network features + logistic regression)",
            "hybrid", VERSION, "Multinomial logistic regression (Smile) trained on a network's embedding before its "
            + "classifier layer; the network is a bundle to load or a provider to train.", true,
            Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(java.util.List.of(NETWORK, FLIP, LAMBDA, MAX_ITERATIONS, TOLERANCE))));

    /** For {@link java.util.ServiceLoader}: discovers the network's plugin when first asked to train or load. */
    public HybridProvider() {
        this(PluginRegistry.lazy(HybridProvider.class.getClassLoader()));
    }

    /** A hybrid provider loading and training networks with {@code registry}'s plugins. */
    public HybridProvider(PluginRegistry registry) {
        this(() -> registry);
        Objects.requireNonNull(registry, "registry");
    }

    private HybridProvider(Supplier<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return new HybridTrainer(descriptor, hyperparameters, registry.get());
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        bundle.requireProvider(ID);
        Hyperparameters hyperparameters = descriptor.defaults().withAll(bundle.manifest().hyperparameters());
        LinearHead head;
        try (InputStream in = bundle.open(HEAD_ENTRY)) {
            head = LinearHead.read(in, bundle.manifest().entry(HEAD_ENTRY).orElseThrow().size(),
                    bundle.path() + ": payload entry '" + HEAD_ENTRY + "'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Classifier network;
        try {
            network = registry.get().load(bundle.readNested(NETWORK_ENTRY));
        } catch (IOException e) {
            throw new UncheckedIOException(bundle.path() + ": " + e.getMessage(), e);
        }
        try {
            return new HybridClassifier(ModelInfo.of(bundle.manifest(), hyperparameters), network, head,
                    hyperparameters.get(FLIP));
        } catch (RuntimeException e) {
            network.close();
            if (e instanceof IncompatibleModelException) {
                throw e;
            }
            throw new IncompatibleModelException(bundle.path() + ": " + e.getMessage(), e);
        }
    }
}
