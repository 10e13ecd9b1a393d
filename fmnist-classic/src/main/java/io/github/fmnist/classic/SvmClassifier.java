package io.github.fmnist.classic;

import io.github.fmnist.api.model.ModelInfo;
import java.io.Serializable;
import java.util.Optional;
import smile.classification.OneVersusOne;

/**
 * One-vs-one RBF SVMs, optionally after PCA. Probabilities are Smile's posteriori estimate: each pair's
 * decision value goes through that pair's Platt scaling (a sigmoid fitted on the training scores), and the
 * 45 pairwise probabilities are coupled into ten class probabilities (Wu, Lin and Weng's method 2). The
 * predicted class is the most probable one, which can differ from Smile's plain vote in rare ties.
 */
final class SvmClassifier extends SmileClassifier {
    private final OneVersusOne<double[]> model;

    SvmClassifier(ModelInfo info, Optional<PcaProjection> pca, OneVersusOne<double[]> model) {
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
