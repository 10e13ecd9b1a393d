package io.github.fmnist.classic;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.TrainingRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import smile.classification.OneVersusOne;

/**
 * Support vector machine ({@code svm}): Gaussian (RBF) kernel SVMs, one per pair of classes (45), trained
 * with Smile's LASVM solver, with Platt-scaled pairwise probabilities coupled into class probabilities.
 *
 * <p>Presets: {@code default} projects the pixels on their first 50 principal components (fitted once on
 * the training images and stored in the bundle), which makes training and prediction several times
 * faster than raw pixels for a small loss of accuracy; {@code full} uses the raw 784 pixels (slow: tens of
 * minutes on two cores, about 90% accurate). The kernel is {@code exp(−‖x − y‖² / (2σ²))}.
 *
 * <p>Training reports PCA and every finished pair, and stops between pairs when cancelled. It is
 * deterministic for a fixed seed whatever the number of cores: each pair is seeded from the training
 * seed and its index.
 */
public final class SvmProvider extends ClassicProvider {
    /** Provider id. */
    public static final String ID = "svm";
    /** Principal components fed to the SVMs; 0 uses the raw 784 pixels. */
    public static final Hyperparameter<Integer> PCA_COMPONENTS =
            Hyperparameter.ofInt("pca-components", 50, 0, Image.PIXELS, "principal components used as features (0 = raw pixels)");
    /** Soft-margin penalty C. */
    public static final Hyperparameter<Double> C =
            Hyperparameter.ofDouble("c", 10.0, 1e-6, 1e6, "soft-margin penalty C");
    /** Gaussian kernel width σ (in units of normalised pixel distance). */
    public static final Hyperparameter<Double> SIGMA =
            Hyperparameter.ofDouble("sigma", 7.0, 1e-6, 1e6, "Gaussian kernel width sigma");
    /** LASVM convergence tolerance. */
    public static final Hyperparameter<Double> TOLERANCE =
            Hyperparameter.ofDouble("tolerance", 1e-3, 1e-9, 1.0, "LASVM convergence tolerance");
    /** LASVM passes over each pair's examples. */
    public static final Hyperparameter<Integer> EPOCHS =
            Hyperparameter.ofInt("epochs", 1, 1, 100, "LASVM passes over the data");

    /** Largest payload accepted: room for every one of 70,000 raw-pixel training images as a support vector (220 MB). */
    public static final long MAX_PAYLOAD_BYTES = 256L << 20;

    private static final List<Hyperparameter<?>> DECLARED = List.of(PCA_COMPONENTS, C, SIGMA, TOLERANCE, EPOCHS);
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults(DECLARED);
    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(ID, "RBF support vector machine",
            ClassicModels.FAMILY, ClassicModels.VERSION,
            "One-vs-one Gaussian-kernel SVMs (Smile 6 LASVM) with Platt-scaled probabilities; PCA features by default.",
            true, Map.of(ModelDescriptor.DEFAULT_PRESET, DEFAULTS,
                    ClassicModels.FULL_PRESET, DEFAULTS.with(PCA_COMPONENTS, 0)));

    /** The provider ServiceLoader creates. */
    public SvmProvider() {
        super(DESCRIPTOR, MAX_PAYLOAD_BYTES);
    }

    @Override
    int minimumPerClass() {
        return 2;
    }

    @Override
    Classifier fit(ModelInfo info, Hyperparameters hyperparameters, TrainingRequest request, int[] labels,
                   TrainingReporter reporter) {
        PcaFeatures features = PcaFeatures.fit(request.train(), hyperparameters.get(PCA_COMPONENTS), reporter);
        OneVersusOne<double[]> model = new PairwiseSvmTrainer(hyperparameters.get(C), hyperparameters.get(SIGMA),
                hyperparameters.get(TOLERANCE), hyperparameters.get(EPOCHS), request.threads())
                .fit(features.rows(), labels, request.seed(), reporter);
        return VectorModelClassifier.svm(info, features.projection(), model);
    }

    @Override
    Classifier load(BundlePayload payload) {
        Optional<PcaProjection> pca = payload.pca(Image.PIXELS);
        int features = pca.map(PcaProjection::components).orElse(Image.PIXELS);
        return VectorModelClassifier.svm(payload.info(), pca, SvmFormat.read(payload.model(), features));
    }
}
