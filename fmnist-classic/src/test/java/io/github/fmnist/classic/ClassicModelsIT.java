package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each classic model on a stratified 3,000-image sample of the real training set, evaluated on 2,000 test
 * images: accuracy well above chance (0.1), and, after a bundle round trip through the binary formats, the same
 * posterior doubles (bit for bit) and so the same float probabilities. Settings are small so the whole class runs in well under a minute; the
 * full-split numbers come from {@code ClassicMeasurement} (README).
 */
class ClassicModelsIT {
    private static LabeledDataset train;
    private static LabeledDataset test;
    private static FashionMnistData data;

    @BeforeAll
    static void loadData() {
        data = FashionMnist.load();
        train = StratifiedSample.sample(data.train(), 3_000, 1L);
        test = StratifiedSample.sample(data.test(), 2_000, 2L);
    }

    static Stream<Arguments> models() {
        LogisticRegressionProvider logreg = new LogisticRegressionProvider();
        SvmProvider svm = new SvmProvider();
        RandomForestProvider rf = new RandomForestProvider();
        MlpProvider mlp = new MlpProvider();
        KnnProvider knn = new KnnProvider();
        return Stream.of(
                Arguments.of("logreg", logreg, logreg.descriptor().defaults().with(LogisticRegressionProvider.MAX_ITERATIONS, 60), 0.75),
                Arguments.of("svm", svm, svm.descriptor().defaults(), 0.78),
                Arguments.of("rf", rf, rf.descriptor().defaults().with(RandomForestProvider.TREES, 30), 0.75),
                Arguments.of("mlp", mlp, mlp.descriptor().defaults().with(MlpProvider.EPOCHS, 5), 0.75),
                Arguments.of("knn", knn, knn.descriptor().defaults(), 0.75));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void learnsRealImagesAndSurvivesBundleRoundTrip(String id, ModelProvider provider, Hyperparameters settings, double minimum,
                                                    @TempDir Path dir) throws Exception {
        try (Classifier classifier = provider.trainer(settings).fit(TrainingRequest.of(train, 42L))) {
            double accuracy = Evaluation.of(classifier, test).accuracy();
            assertTrue(accuracy > minimum, provider.id() + " accuracy " + accuracy + " on real images, expected > " + minimum);

            Path file = dir.resolve(provider.id() + ModelBundle.EXTENSION);
            ModelBundle.save(file, classifier, Map.of("test.accuracy", accuracy));
            try (Classifier loaded = provider.load(ModelBundle.read(file))) {
                LabeledDataset some = test.slice(0, 200);
                float[][] before = classifier.predictProbabilities(some.images());
                float[][] after = loaded.predictProbabilities(some.images());
                for (int i = 0; i < before.length; i++) {
                    assertArrayEquals(before[i], after[i], provider.id() + " image " + i);
                    double[] x = OneDotXBundles.pixels(some, i);
                    assertArrayEquals(OneDotXBundles.posterior((SmileClassifier) classifier, x),
                            OneDotXBundles.posterior((SmileClassifier) loaded, x), provider.id() + " posterior of image " + i);
                }
            }
        }
    }
}
