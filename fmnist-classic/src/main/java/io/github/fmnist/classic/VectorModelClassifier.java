package io.github.fmnist.classic;

import io.github.fmnist.api.model.ModelInfo;
import java.io.Serializable;
import java.util.Optional;
import smile.classification.Classifier;

/**
 * A Smile classifier over plain feature vectors (pixels or their PCA projection) whose posteriori estimate
 * is the class probability: used for {@code svm} (Platt-scaled one-vs-one pairs coupled into ten classes by
 * Wu, Lin and Weng's method 2; the most probable class can differ from Smile's plain vote in rare ties) and
 * {@code knn} (the fraction of the k neighbours in each class, searched with Smile's stateless
 * {@code LinearSearch}, which is safe to share between threads, unlike its cover tree).
 */
final class VectorModelClassifier extends SmileClassifier {
    private final Classifier<double[]> model;

    VectorModelClassifier(ModelInfo info, Optional<PcaProjection> pca, Classifier<double[]> model) {
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
