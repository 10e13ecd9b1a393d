package io.github.fmnist.classic;

import io.github.fmnist.api.model.ModelInfo;
import java.io.Serializable;
import java.util.Optional;
import smile.classification.KNN;

/**
 * k nearest neighbours (Euclidean), usually after PCA. Probabilities are Smile's posteriori estimate: the
 * fraction of the k neighbours in each class (so with k = 5 they are multiples of 0.2, and ties go to the
 * lowest label, as in Smile's vote). The search is Smile's exhaustive {@code LinearSearch}, which keeps no
 * state between queries and is therefore safe to share between threads (Smile's cover tree caches radii
 * while searching and is not).
 */
final class KnnClassifier extends SmileClassifier {
    private final KNN<double[]> model;

    KnnClassifier(ModelInfo info, Optional<PcaProjection> pca, KNN<double[]> model) {
        super(info, pca);
        this.model = model;
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.predict(features, probabilities);
    }

    @Override
    Serializable model() {
        return model;
    }
}
