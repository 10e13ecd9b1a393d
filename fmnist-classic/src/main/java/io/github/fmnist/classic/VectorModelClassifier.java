package io.github.fmnist.classic;

import io.github.fmnist.api.bundle.PayloadWriter;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.util.Optional;
import smile.classification.Classifier;

/**
 * A Smile classifier over plain feature vectors (pixels or their PCA projection) whose posteriori estimate
 * is the class probability: used for {@code svm} (Platt-scaled one-vs-one pairs coupled into ten classes by
 * Wu, Lin and Weng's method 2; the most probable class can differ from Smile's plain vote in rare ties) and
 * {@code knn} (the fraction of the k neighbours in each class, searched with Smile's stateless
 * {@code LinearSearch}, which is safe to share between threads, unlike its cover tree). The model's numbers are
 * written by {@link SvmFormat} or {@link KnnFormat}.
 */
final class VectorModelClassifier extends SmileClassifier {
    /** Writes a model's numbers into {@code model.bin}. */
    interface ModelWriter {
        void write(PayloadWriter out) throws IOException;
    }

    private final Classifier<double[]> model;
    private final ModelWriter writer;

    VectorModelClassifier(ModelInfo info, Optional<PcaProjection> pca, Classifier<double[]> model, ModelWriter writer) {
        super(info, pca);
        this.model = model;
        this.writer = writer;
    }

    /** An {@code svm} classifier. */
    static VectorModelClassifier svm(ModelInfo info, Optional<PcaProjection> pca, smile.classification.OneVersusOne<double[]> model) {
        return new VectorModelClassifier(info, pca, model, out -> SvmFormat.write(model, out));
    }

    /** A {@code knn} classifier. */
    static VectorModelClassifier knn(ModelInfo info, Optional<PcaProjection> pca, smile.classification.KNN<double[]> model) {
        return new VectorModelClassifier(info, pca, model, out -> KnnFormat.write(model, out));
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.predict(features, probabilities);
    }

    @Override
    void writeModel(PayloadWriter out) throws IOException {
        writer.write(out);
    }
}
