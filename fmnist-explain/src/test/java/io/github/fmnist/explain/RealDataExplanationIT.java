package io.github.fmnist.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.explain.cam.GradCam;
import io.github.fmnist.explain.cam.ScoreCam;
import io.github.fmnist.explain.occlusion.Occlusion;
import io.github.fmnist.explain.faithfulness.DeletionComparison;
import io.github.fmnist.explain.faithfulness.DeletionMetric;
import io.github.fmnist.explain.faithfulness.RandomizationCheck;
import io.github.fmnist.explain.faithfulness.RandomizationResult;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import io.github.fmnist.explain.render.GalleryEntry;
import io.github.fmnist.explain.render.GalleryRenderer;
import io.github.fmnist.explain.render.GallerySelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grad-CAM on real Fashion-MNIST: the small test network (global average pooling) trained for two epochs on 4,000 real training
 * images, explained on 150 real test images. Writes {@code target/explain-it/gallery.png} (one correct and
 * one wrong example per class) for a person to look at.
 */
class RealDataExplanationIT {
    private static final Logger LOG = LoggerFactory.getLogger(RealDataExplanationIT.class);

    private static TestConvNet trained;
    private static LabeledDataset test;

    @BeforeAll
    static void train() {
        FashionMnistData data = FashionMnist.builder().offline(true).load();
        LabeledDataset train = data.train().slice(0, 4000);
        test = data.test().slice(0, 150);
        trained = TestConvNet.random(Training.ARCHITECTURE, TestConvNet.Pooling.GLOBAL_AVERAGE, 7);
        Training.train(trained, train.images().toNormalizedNchw(), train.labels(), 2, 16, 0.01, 13);
    }

    @Test
    void gradCamDeletesFasterThanRandomMapsAndDependsOnTheWeights() {
        List<Prediction> predictions = trained.predict(test.images());
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            correct += predictions.get(i).predicted().label() == test.label(i) ? 1 : 0;
        }
        double accuracy = (double) correct / test.size();
        // a tiny global-average-pooled network after two epochs on 4,000 images: far from the real cnn, far above chance
        assertTrue(accuracy > 0.45, "the network must have learned something, accuracy " + accuracy);

        ImageBatch images = test.images().slice(0, 100);
        DeletionMetric pixelNoise = new DeletionMetric(trained, DeletionMetric.DEFAULT_STEPS, 42);
        DeletionMetric smoothNoise = new DeletionMetric(trained, DeletionMetric.DEFAULT_STEPS, 7, 42);
        DeletionComparison gradCam = pixelNoise.compare(new GradCam(trained), images);
        DeletionComparison gradCamSmooth = smoothNoise.compare(new GradCam(trained), images);
        DeletionComparison scoreCam = pixelNoise.compare(new ScoreCam(trained, "conv2", 64), images);
        DeletionComparison occlusion = pixelNoise.compare(new Occlusion(trained, 6, 2, 0f, 256), images);
        RandomizationResult randomization = new RandomizationCheck(GradCam::new).run(trained,
                TestConvNet.random(Training.ARCHITECTURE, TestConvNet.Pooling.GLOBAL_AVERAGE, 99), images.slice(0, 60));
        LOG.info("real data, test network accuracy {}", accuracy);
        for (DeletionComparison c : List.of(gradCam, gradCamSmooth, scoreCam, occlusion)) {
            LOG.info("deletion AUC {}: {} vs random {} (better on {} of {})", c.method(), c.explainerAuc(), c.randomAuc(),
                    c.explainerWins(), c.images());
        }
        LOG.info("randomisation: Grad-CAM mean Spearman {} (|rho| {}, {} undefined)", randomization.meanSpearman(),
                randomization.meanAbsoluteSpearman(), randomization.undefined());
        // This weak network's Grad-CAM maps are about as good as random ones at deletion (they are logged, not
        // asserted; the bench measures the real cnn); the perturbation-based maps must be clearly better.
        assertTrue(occlusion.explainerAuc() < 0.8 * occlusion.randomAuc(), occlusion.toString());
        assertTrue(scoreCam.explainerAuc() < 0.9 * scoreCam.randomAuc(), scoreCam.toString());
        assertTrue(randomization.meanSpearman() < 0.5, randomization.toString());
    }

    @Test
    void rendersAGalleryOfOneCorrectAndOneWrongExamplePerClass() throws IOException {
        List<Prediction> predictions = trained.predict(test.images());
        int[] chosen = GallerySelection.correctAndWrongPerClass(predictions, test.labels());
        GradCam cam = new GradCam(trained);
        List<GalleryEntry> entries = new ArrayList<>();
        for (int i : chosen) {
            Explanation e = cam.explainPredicted(test.images().get(i));
            entries.add(new GalleryEntry(test.images().get(i), e, predictions.get(i), FashionClass.of(test.label(i))));
        }
        Path file = Path.of("target", "explain-it", "gallery.png");
        new GalleryRenderer(4, 0.45, 2).write(file, "Grad-CAM, test network, real test images", entries);
        assertTrue(Files.size(file) > 10_000, "gallery written");
        assertTrue(entries.size() >= 12, "most classes have a correct and a wrong example among 150: " + entries.size());
    }
}
