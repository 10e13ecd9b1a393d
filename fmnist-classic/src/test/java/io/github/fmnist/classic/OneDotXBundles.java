package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingListener;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import smile.classification.KNN;
import smile.classification.LogisticRegression;
import smile.classification.OneVersusOne;
import smile.classification.RandomForest;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.LinearSearch;

/**
 * Small models trained with the same Smile calls fmnist-classic 1.0 made, written as 1.0 wrote them (Java-serialised
 * Smile objects in {@code model.ser}, matrices in {@code pca.ser} and {@code scaling.ser}), together with a classifier
 * that predicts from those very Smile objects, as 1.0 did. Generated in the test, so no binary bundle is committed.
 */
final class OneDotXBundles {
    /** A 1.0 bundle on disk and a classifier predicting from the Smile objects it holds. */
    record Legacy(Path file, Classifier original, Object smileModel) {
    }

    private OneDotXBundles() {
    }

    static Legacy write(ModelProvider provider, LabeledDataset train, Path file) throws Exception {
        return write(provider, train, file, false);
    }

    /**
     * As {@link #write(ModelProvider, LabeledDataset, Path)}; with {@code defaults}, at the providers' {@code default}
     * settings (100 L-BFGS iterations; PCA-50 SVM with C 10, σ 7; 100 trees; 256 hidden units for 20 epochs; PCA-50
     * 5-NN) instead of small ones.
     */
    static Legacy write(ModelProvider provider, LabeledDataset train, Path file, boolean defaults) throws Exception {
        ModelInfo info = RawBundle.info(provider, "1.0.0");
        int[] labels = TrainingData.labelsWithAllClasses(train, 2);
        TrainingReporter reporter = new TrainingReporter(provider.id(), TrainingListener.NONE);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ClassicModels.seed(7L);
        Serializable model;
        Classifier original;
        switch (provider.id()) {
            case LogisticRegressionProvider.ID -> {
                double[][] rows = PixelFeatures.rows(train);
                PixelStandardizer scaling = PixelStandardizer.fit(rows);
                scaling.applyInPlace(rows);
                var lr = LogisticRegression.multinomial(rows, labels, new LogisticRegression.Options(0.1, 1e-5, defaults ? 100 : 30));
                model = lr;
                entries.put(JavaSerializedBundles.SCALING_ENTRY, JavaSerialization.serialize(scaling.toMatrix()));
                original = new LogisticRegressionClassifier(info, Optional.of(scaling), lr);
            }
            case SvmProvider.ID -> {
                PcaFeatures features = PcaFeatures.fit(train, defaults ? 50 : 20, reporter);
                OneVersusOne<double[]> svm = new PairwiseSvmTrainer(10, 7, 1e-3, 1, 2).fit(features.rows(), labels, 7L, reporter);
                model = svm;
                entries.put(JavaSerializedBundles.PCA_ENTRY, JavaSerialization.serialize(features.projection().orElseThrow().toMatrix()));
                original = VectorModelClassifier.svm(info, features.projection(), svm);
            }
            case KnnProvider.ID -> {
                PcaFeatures features = PcaFeatures.fit(train, defaults ? 50 : 20, reporter);
                KNN<double[]> knn = new KNN<>(LinearSearch.of(features.rows(), new EuclideanDistance()), labels, 5);
                model = knn;
                entries.put(JavaSerializedBundles.PCA_ENTRY, JavaSerialization.serialize(features.projection().orElseThrow().toMatrix()));
                original = VectorModelClassifier.knn(info, features.projection(), knn);
            }
            case RandomForestProvider.ID -> {
                RandomForest forest = new ForestTrainer(defaults ? 100 : 10, 25, 0, 50, 0, 1).fit(train, labels, 7L, reporter);
                model = forest;
                original = new SmileForest(info, forest);
            }
            case MlpProvider.ID -> {
                OpenBlas.require("MLP training"); // as MlpProvider does: loads the bundled OpenBLAS first
                ExportableMlp mlp = new MlpTrainer(defaults ? 256 : 32, defaults ? 20 : 2, 32, 0.01, 0.9, 0, true).fit(train, labels, LabeledDataset.empty(), 7L, reporter);
                model = mlp;
                original = new MlpClassifier(info, mlp);
            }
            default -> throw new IllegalArgumentException(provider.id());
        }
        entries.put(JavaSerializedBundles.MODEL_ENTRY, JavaSerialization.serialize(model));
        return new Legacy(RawBundle.write(file, info, entries), original, model);
    }

    /** A forest predicted by Smile's own {@code RandomForest.predict(x, p)}, as 1.0 predicted it. */
    static final class SmileForest extends SmileClassifier {
        private final RandomForest forest;

        SmileForest(ModelInfo info, RandomForest forest) {
            super(info, Optional.empty());
            this.forest = forest;
        }

        @Override
        void posterior(double[] features, double[] probabilities) {
            forest.predict(smile.data.Tuple.of(forest.schema(), features), probabilities);
        }

        @Override
        void writeModel(io.github.fmnist.api.bundle.PayloadWriter out) {
            throw new UnsupportedOperationException("a reference for comparisons only");
        }
    }

    /** Features the model sees: row {@code i} of {@code data} as pixels. */
    static double[] pixels(LabeledDataset data, int i) {
        float[] buffer = new float[Image.PIXELS];
        data.images().writeNormalized(i, buffer, 0);
        double[] row = new double[Image.PIXELS];
        for (int j = 0; j < row.length; j++) {
            row[j] = buffer[j];
        }
        return row;
    }

    static double[] posterior(SmileClassifier classifier, double[] pixels) {
        double[] x = classifier.pca().map(p -> p.apply(pixels)).orElse(pixels);
        double[] p = new double[FashionClass.COUNT];
        classifier.posterior(x, p);
        return p;
    }
}
