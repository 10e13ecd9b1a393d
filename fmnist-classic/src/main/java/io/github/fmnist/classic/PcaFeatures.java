package io.github.fmnist.classic;

import io.github.fmnist.api.LabeledDataset;
import java.util.Optional;

/** Training features: the flattened pixels, or their projection on principal components fitted on them. */
record PcaFeatures(double[][] rows, Optional<PcaProjection> projection) {

    /** Pixels of {@code train}, projected on {@code components} principal components unless that is 0. */
    static PcaFeatures fit(LabeledDataset train, int components, TrainingReporter reporter) {
        double[][] pixels = PixelFeatures.rows(train);
        if (components == 0) {
            return new PcaFeatures(pixels, Optional.empty());
        }
        reporter.progress("PCA", 0, 1);
        PcaProjection pca = PcaProjection.fit(pixels, Math.min(components, Math.min(pixels.length, pixels[0].length)));
        double[][] projected = pca.applyAll(pixels);
        reporter.progress("PCA", 1, 1);
        return new PcaFeatures(projected, Optional.of(pca));
    }
}
