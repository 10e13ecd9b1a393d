package io.github.fmnist.classic;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.classification.KNN;
import smile.classification.LogisticRegression;
import smile.classification.OneVersusOne;
import smile.classification.RandomForest;

/**
 * The one way to read a classic bundle written by fmnist-classic 1.x, whose payload is Java-serialised Smile objects:
 * convert it, once, into a 2.x bundle of plain numbers. The classic providers refuse such bundles, because Java
 * deserialisation, even behind the allow-list filter used here (Smile classes, boxed numbers, strings, a few JDK
 * collections, arrays; depth, reference and size limits), can be made to run for minutes by a few kilobytes of
 * nested collections. Only call this on files you trust: ones you made, or got from someone you trust.
 *
 * <pre>{@code
 * JavaSerializedBundles.upgrade(Path.of("old-svm.fmnist"), Path.of("svm.fmnist"));
 * }</pre>
 *
 * The converted bundle keeps the manifest's hyperparameters, provenance and metrics and predicts exactly as the old
 * one did (same numbers, same inference); only the provider version changes, to {@value ClassicModels#VERSION}.
 */
public final class JavaSerializedBundles {
    private static final Logger LOG = LoggerFactory.getLogger(JavaSerializedBundles.class);
    static final String MODEL_ENTRY = "model.ser";
    static final String PCA_ENTRY = "pca.ser";
    static final String SCALING_ENTRY = "scaling.ser";

    private static final List<ModelProvider> PROVIDERS = List.of(new LogisticRegressionProvider(), new SvmProvider(),
            new RandomForestProvider(), new MlpProvider(), new KnnProvider());

    private JavaSerializedBundles() {
    }

    /** Whether {@code manifest} is that of a classic bundle written by fmnist-classic 1.x (a Java-serialised payload). */
    public static boolean isJavaSerialized(BundleManifest manifest) {
        return provider(manifest.providerId()).isPresent() && manifest.providerVersion().startsWith("1.");
    }

    /**
     * Reads the 1.x classic bundle {@code legacy} through the filtered Java deserialisation and writes the same model
     * to {@code target} in the current format ({@code target} appears complete or not at all).
     *
     * @return the converted classifier's info
     * @throws IncompatibleModelException if {@code legacy} is not a 1.x classic bundle, or its payload is unreadable
     * @throws io.github.fmnist.api.TamperedModelException if its payload names a class outside the allow-list
     */
    public static ModelInfo upgrade(Path legacy, Path target) throws IOException {
        BundleManifest manifest = ModelBundle.readManifest(legacy);
        if (!isJavaSerialized(manifest)) {
            throw new IncompatibleModelException(legacy + ": not a bundle of fmnist-classic 1.x (provider '" + manifest.providerId()
                    + "' " + manifest.providerVersion() + "); there is nothing to upgrade");
        }
        ModelBundle bundle = ModelBundle.read(legacy);
        ModelInfo info = new ModelInfo(manifest.providerId(), ClassicModels.VERSION,
                hyperparameters(provider(manifest.providerId()).orElseThrow().descriptor(), manifest, legacy), manifest.provenance());
        try (Classifier classifier = rebuild(bundle, info)) {
            ModelBundle.save(target, classifier, manifest.metrics());
        }
        LOG.info("Converted {} ({} {}) to {} (provider version {})", legacy, manifest.providerId(), manifest.providerVersion(),
                target, ClassicModels.VERSION);
        return info;
    }

    private static Classifier rebuild(ModelBundle bundle, ModelInfo info) {
        return switch (info.providerId()) {
            case LogisticRegressionProvider.ID -> new LogisticRegressionClassifier(info,
                    matrix(bundle, SCALING_ENTRY).map(m -> PixelStandardizer.fromMatrix(m, Image.PIXELS, source(bundle, SCALING_ENTRY))),
                    model(bundle, LogisticRegression.Multinomial.class));
            case MlpProvider.ID -> {
                OpenBlas.require("MLP conversion");
                yield new MlpClassifier(info, model(bundle, ExportableMlp.class));
            }
            case SvmProvider.ID -> VectorModelClassifier.svm(info, pca(bundle), castPairs(model(bundle, OneVersusOne.class)));
            case KnnProvider.ID -> VectorModelClassifier.knn(info, pca(bundle), castKnn(model(bundle, KNN.class)));
            case RandomForestProvider.ID -> new ForestClassifier(info, ForestModel.of(model(bundle, RandomForest.class)));
            default -> throw new IllegalStateException("not a classic provider: " + info.providerId());
        };
    }

    @SuppressWarnings("unchecked")
    private static OneVersusOne<double[]> castPairs(OneVersusOne<?> model) {
        return (OneVersusOne<double[]>) model;
    }

    @SuppressWarnings("unchecked")
    private static KNN<double[]> castKnn(KNN<?> model) {
        return (KNN<double[]>) model;
    }

    private static <T> T model(ModelBundle bundle, Class<T> type) {
        return SmileModelSerializer.deserialize(bundle.readAllBytes(MODEL_ENTRY), type, source(bundle, MODEL_ENTRY));
    }

    private static Optional<PcaProjection> pca(ModelBundle bundle) {
        return matrix(bundle, PCA_ENTRY).map(m -> PcaProjection.fromMatrix(m, Image.PIXELS, source(bundle, PCA_ENTRY)));
    }

    private static Optional<double[][]> matrix(ModelBundle bundle, String entry) {
        if (!bundle.payloadNames().contains(entry)) {
            return Optional.empty();
        }
        return Optional.of(SmileModelSerializer.deserialize(bundle.readAllBytes(entry), double[][].class, source(bundle, entry)));
    }

    private static Hyperparameters hyperparameters(ModelDescriptor descriptor, BundleManifest manifest, Path legacy) {
        try {
            return descriptor.defaults().withAll(manifest.hyperparameters());
        } catch (InvalidInputException e) {
            throw new IncompatibleModelException(legacy + ": recorded hyperparameters do not fit provider '" + descriptor.id()
                    + "': " + e.getMessage(), e);
        }
    }

    private static Optional<ModelProvider> provider(String id) {
        return PROVIDERS.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static String source(ModelBundle bundle, String entry) {
        return bundle.path() + " payload '" + entry + "'";
    }
}
