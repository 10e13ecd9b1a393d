package example;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.Holdout;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.data.split.StratifiedSplit;
import io.github.fmnist.data.split.TrainValidationSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the README shows, end to end: a sample of the data, a classic model from fmnist-classic trained and saved,
 * the bundle loaded back through the registry, and this project's own plugin found by ServiceLoader.
 */
public final class LibraryTour {

    public static void main(String[] args) throws Exception {
        FashionMnistData data = FashionMnist.load();
        TrainValidationSplit split = StratifiedSplit.split(StratifiedSample.sample(data.train(), 6_000, 42L),
                Holdout.images(600), 42L);
        PluginRegistry registry = PluginRegistry.discover();
        System.out.println("model plugins: " + registry.models().stream().map(ModelProvider::id).toList());

        ModelProvider logreg = registry.requireModel("logreg");
        TrainingRequest request = TrainingRequest.of(split.train(), 42L).withValidation(split.validation()).withThreads(2);
        Path bundle = Files.createTempDirectory("fmnist-tour").resolve("logreg" + ModelBundle.EXTENSION);
        try (Classifier model = logreg.trainer(logreg.descriptor().defaults()).fit(request)) {
            Evaluation test = Evaluation.of(model, data.test());
            System.out.printf("logreg on %d images: test accuracy %.4f%n", split.train().size(), test.accuracy());
            ModelBundle.save(bundle, model);                                // provenance comes from the training
            try (Classifier again = registry.loadClassifier(bundle)) {
                float[] first = data.test().images().toNormalizedNchw();
                boolean same = Arrays.deepEquals(model.predictNormalized(first), again.predictNormalized(first));
                System.out.println("reloaded bundle predicts the same: " + same);
                Provenance p = again.info().provenance();
                System.out.println("provenance: seed " + p.seed() + ", " + p.split() + ", files " + p.datasetSha256().keySet());
                System.out.println("first test image: " + again.predict(data.test().images().get(0)).top(3));
                if (!same) {
                    throw new AssertionError("the reloaded bundle predicts differently");
                }
            }
        }

        ModelProvider mine = registry.requireModel(CentroidProvider.ID);
        try (Classifier centroids = mine.trainer(mine.descriptor().defaults()).fit(request)) {
            System.out.printf("%s: test accuracy %.4f%n", mine.id(), Evaluation.of(centroids, data.test()).accuracy());
        }
    }
}
