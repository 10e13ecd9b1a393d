package io.github.fmnist.api.registry;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadEntry;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.ProviderVersion;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The model and explainer plugins on the class path, found with {@link java.util.ServiceLoader}.
 *
 * <ul>
 *   <li>{@code -Dfmnist.models=cnn,logreg} and {@code -Dfmnist.explainers=gradcam} keep only the listed ids.</li>
 *   <li>A plugin whose constructor or descriptor throws is logged and skipped; {@link #problems()} lists it.</li>
 *   <li>Two plugins with one id are an error naming both classes and the jars they came from.</li>
 * </ul>
 *
 * <pre>{@code
 * PluginRegistry registry = PluginRegistry.discover();
 * registry.models().forEach(p -> System.out.println(p.id() + "  " + p.descriptor().displayName()));
 * Classifier cnn = registry.loadClassifier(Path.of("cnn.fmnist"));
 * }</pre>
 *
 * Immutable and thread-safe once built.
 */
public final class PluginRegistry {
    /** System property restricting the model plugins to a comma-separated list of ids. */
    public static final String MODELS_PROPERTY = "fmnist.models";
    /** System property restricting the explainer plugins to a comma-separated list of ids. */
    public static final String EXPLAINERS_PROPERTY = "fmnist.explainers";

    private final ServiceDiscovery<ModelProvider> models;
    private final ServiceDiscovery<ExplainerProvider> explainers;

    private PluginRegistry(ServiceDiscovery<ModelProvider> models, ServiceDiscovery<ExplainerProvider> explainers) {
        this.models = models;
        this.explainers = explainers;
    }

    /**
     * A registry discovered with {@code loader} once, on the first {@code get()}, then shared: for a plugin that
     * needs the other plugins (an ensemble's members) but is itself built by ServiceLoader during discovery, when
     * discovering again in its constructor would recurse. Thread-safe.
     */
    public static Supplier<PluginRegistry> lazy(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return new Supplier<>() {
            private volatile PluginRegistry registry;

            @Override
            public PluginRegistry get() {
                PluginRegistry r = registry;
                if (r == null) {
                    synchronized (this) {
                        r = registry;
                        if (r == null) {
                            r = discover(loader);
                            registry = r;
                        }
                    }
                }
                return r;
            }
        };
    }

    /** Discovers plugins with the thread context class loader (or this class's loader if none is set). */
    public static PluginRegistry discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : PluginRegistry.class.getClassLoader());
    }

    /**
     * Discovers plugins visible to {@code loader}, honouring the restriction properties.
     *
     * @throws io.github.fmnist.api.PluginConfigurationException if two plugins share an id
     */
    public static PluginRegistry discover(ClassLoader loader) {
        return new PluginRegistry(
                ServiceDiscovery.discover(ModelProvider.class, loader, ModelProvider::id, "model",
                        System.getProperty(MODELS_PROPERTY)),
                ServiceDiscovery.discover(ExplainerProvider.class, loader, ExplainerProvider::id, "explainer",
                        System.getProperty(EXPLAINERS_PROPERTY)));
    }

    static String propertyFor(String kind) {
        return kind.equals("model") ? MODELS_PROPERTY : EXPLAINERS_PROPERTY;
    }

    /** The model providers, in discovery order. */
    public List<ModelProvider> models() {
        return models.all();
    }

    /** The model provider with id {@code id}. */
    public Optional<ModelProvider> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /**
     * The model provider with id {@code id}.
     *
     * @throws InvalidInputException naming the available ids if there is none
     */
    public ModelProvider requireModel(String id) {
        return model(id).orElseThrow(() -> new InvalidInputException("no model plugin with id '" + id + "'; available: "
                + models.ids() + KnownPlugins.hint("model", id) + problemHint()));
    }

    /** The explainer providers, in discovery order. */
    public List<ExplainerProvider> explainers() {
        return explainers.all();
    }

    /** The explainer provider with id {@code id}. */
    public Optional<ExplainerProvider> explainer(String id) {
        return Optional.ofNullable(explainers.get(id));
    }

    /**
     * The explainer provider with id {@code id}.
     *
     * @throws InvalidInputException naming the available ids if there is none
     */
    public ExplainerProvider requireExplainer(String id) {
        return explainer(id).orElseThrow(() -> new InvalidInputException("no explainer plugin with id '" + id
                + "'; available: " + explainers.ids() + KnownPlugins.hint("explainer", id) + problemHint()));
    }

    /** Plugins that were skipped and restriction entries that matched nothing, as messages. */
    public List<String> problems() {
        List<String> all = new ArrayList<>(models.problems());
        all.addAll(explainers.problems());
        return List.copyOf(all);
    }

    /**
     * Reads and verifies a bundle and loads it with the provider that wrote it. The manifest is read first; the
     * payload is inflated only once that provider is on the class path, has confirmed it reads the version that wrote
     * the bundle ({@link ModelProvider#canRead}), and the declared sizes are within its
     * {@link ModelProvider#maxPayloadBytes()}.
     *
     * @throws InvalidInputException      if that provider is not on the class path
     * @throws IncompatibleModelException if the provider on the class path cannot read the bundle's provider version
     * @throws io.github.fmnist.api.TamperedModelException if the bundle declares more payload than the provider accepts
     */
    public Classifier loadClassifier(Path bundleFile) throws IOException {
        BundleManifest manifest = ModelBundle.readManifest(bundleFile);
        ModelProvider provider = readableBy(manifest, bundleFile);
        checkPayloadLimit(manifest, provider, bundleFile);
        return provider.load(ModelBundle.read(bundleFile, provider.maxPayloadBytes()));
    }

    /**
     * The classifier a composite model (an ensemble, a hybrid) is built from: {@code spec} names either a bundle
     * file (it ends in {@value ModelBundle#EXTENSION} or holds a path separator), loaded as {@link #loadClassifier}
     * does, or a model plugin id, trained on {@code request} with its default preset. The training sees the request's
     * cancellation but not its other events, which belong to the composite's own training.
     *
     * @throws InvalidInputException if the file does not exist or no plugin has that id
     */
    public Classifier loadOrTrain(String spec, TrainingRequest request) {
        if (spec.endsWith(ModelBundle.EXTENSION) || spec.contains("/") || spec.contains("\\")) {
            try {
                return loadClassifier(Path.of(spec));
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("'" + spec + "': no such bundle file");
            } catch (IOException e) {
                throw new UncheckedIOException("'" + spec + "': " + e.getMessage(), e);
            }
        }
        ModelProvider provider = requireModel(spec);
        TrainingListener cancelOnly = new TrainingListener() {
            @Override
            public boolean isCancelled() {
                return request.listener().isCancelled();
            }
        };
        return provider.trainer(provider.descriptor().defaults()).fit(request.withListener(cancelOnly));
    }

    /** As {@link #loadClassifier(Path)}, for a bundle already read. */
    public Classifier load(ModelBundle bundle) {
        ModelProvider provider = readableBy(bundle.manifest(), bundle.path());
        checkPayloadLimit(bundle.manifest(), provider, bundle.path());
        return provider.load(bundle);
    }

    private ModelProvider readableBy(BundleManifest manifest, Path file) {
        ModelProvider provider = requireModel(manifest.providerId());
        if (!provider.canRead(manifest.providerVersion())) {
            throw new IncompatibleModelException(file + ": written by provider '" + manifest.providerId() + "' "
                    + manifest.providerVersion() + ", which provider '" + provider.id() + "' " + provider.descriptor().version()
                    + " on the class path cannot read (it reads " + ProviderVersion.readableRange(provider.descriptor().version())
                    + "); " + provider.unreadableVersionAdvice(manifest.providerVersion()));
        }
        return provider;
    }

    private static void checkPayloadLimit(BundleManifest manifest, ModelProvider provider, Path file) {
        long declared = 0;
        for (PayloadEntry entry : manifest.payload()) {
            declared += entry.size(); // each is at most MAX_PAYLOAD_BYTES, checked on reading the manifest
        }
        if (declared > provider.maxPayloadBytes()) {
            throw new TamperedModelException(file + ": declares " + declared + " payload bytes; provider '" + provider.id()
                    + "' accepts at most " + provider.maxPayloadBytes() + " (nothing was inflated)");
        }
    }

    private String problemHint() {
        List<String> problems = problems();
        return problems.isEmpty() ? "" : " (" + problems.size() + " plugin problem(s): " + String.join("; ", problems) + ")";
    }
}
