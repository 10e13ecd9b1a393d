package io.github.fmnist.classic;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.TrainingRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smile.classification.KNN;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.LinearSearch;

/**
 * k nearest neighbours ({@code knn}) with Euclidean distance, on the pixels projected on their leading
 * principal components (fitted once on the training images and stored in the bundle with the projected
 * training set). Probabilities are neighbour vote fractions.
 *
 * <p>Presets: {@code default} (k 5, 50 components) and {@code full} (k 5, raw 784 pixels: slower to
 * predict). "Training" is the PCA fit and projection; it is deterministic.
 */
public final class KnnProvider extends ClassicProvider {
    /** Provider id. */
    public static final String ID = "knn";
    /** Number of neighbours that vote. */
    public static final Hyperparameter<Integer> K =
            Hyperparameter.ofInt("k", 5, 1, 1000, "neighbours that vote");
    /** Principal components used as features; 0 uses the raw 784 pixels. */
    public static final Hyperparameter<Integer> PCA_COMPONENTS =
            Hyperparameter.ofInt("pca-components", 50, 0, Image.PIXELS, "principal components used as features (0 = raw pixels)");

    /** Largest payload accepted: 70,000 raw-pixel reference rows stored as float32 take 220 MB. */
    public static final long MAX_PAYLOAD_BYTES = 256L << 20;

    private static final List<Hyperparameter<?>> DECLARED = List.of(K, PCA_COMPONENTS);
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults(DECLARED);
    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(ID, "k nearest neighbours",
            ClassicModels.FAMILY, ClassicModels.VERSION,
            "k-NN vote (Smile 6) with Euclidean distance on PCA features.", true,
            Map.of(ModelDescriptor.DEFAULT_PRESET, DEFAULTS, ClassicModels.FULL_PRESET, DEFAULTS.with(PCA_COMPONENTS, 0)));

    /** The provider ServiceLoader creates. */
    public KnnProvider() {
        super(DESCRIPTOR, MAX_PAYLOAD_BYTES);
    }

    @Override
    Classifier fit(ModelInfo info, Hyperparameters hyperparameters, TrainingRequest request, int[] labels,
                   TrainingReporter reporter) {
        int k = hyperparameters.get(K);
        if (k > labels.length) {
            throw new InvalidInputException("k = " + k + " exceeds the " + labels.length + " training examples");
        }
        PcaFeatures features = PcaFeatures.fit(request.train(), hyperparameters.get(PCA_COMPONENTS), reporter);
        reporter.checkCancelled();
        KNN<double[]> model = new KNN<>(LinearSearch.of(features.rows(), new EuclideanDistance()), labels, k);
        reporter.progress("index", 1, 1);
        return VectorModelClassifier.knn(info, features.projection(), model);
    }

    @Override
    Classifier load(BundlePayload payload) {
        Optional<PcaProjection> pca = payload.pca(Image.PIXELS);
        int features = pca.map(PcaProjection::components).orElse(Image.PIXELS);
        return VectorModelClassifier.knn(payload.info(), pca, KnnFormat.read(payload.model(), features));
    }
}
