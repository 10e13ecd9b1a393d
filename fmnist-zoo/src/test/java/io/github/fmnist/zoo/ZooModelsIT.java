package io.github.fmnist.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.imageio.PngExporter;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped models are what the index says: on the real 10,000 test images each ONNX model gets exactly the
 * recorded number right, and each bundle, loaded by its plugin, reproduces the accuracy its manifest recorded.
 */
class ZooModelsIT {
    private static FashionMnistData data;

    @BeforeAll
    static void load() {
        data = FashionMnist.load();
    }

    private static int correct(float[][] probabilities, int[] labels) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (Prediction.argmax(probabilities[i]) == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    @Test
    void theZooShipsTheBenchNetworks() {
        List<String> ids = FashionZoo.entries().stream().map(ZooEntry::id).toList();
        assertTrue(ids.containsAll(List.of("resnet", "cnn")), ids.toString());
        assertEquals(List.of(), FashionZoo.problems());
        assertEquals(data.test().size(), FashionZoo.require("resnet").metrics().testImages());
    }

    @Test
    void everyOnnxModelGetsExactlyTheRecordedNumberOfTestImagesRight() throws Exception {
        LabeledDataset test = data.test();
        for (ZooEntry entry : FashionZoo.entries()) {
            try (OnnxClassifier model = FashionZoo.open(entry.id())) {
                float[][] probabilities = model.predictProbabilities(test.images());
                assertEquals(entry.metrics().correct(), correct(probabilities, test.labels()), entry.id());
                Evaluation e = Evaluation.of(test.labels(), probabilities);
                assertEquals(entry.metrics().accuracy(), e.accuracy(), 1e-12, entry.id());
                assertEquals(entry.metrics().logLoss(), e.logLoss(), 1e-4, entry.id());
            }
        }
    }

    @Test
    void everyBundleReproducesTheAccuracyItsManifestRecorded() throws Exception {
        LabeledDataset test = data.test();
        for (ZooEntry entry : FashionZoo.entries()) {
            if (entry.bundleFile().isEmpty()) {
                continue;
            }
            byte[] bundleBytes = entry.read(entry.bundleFile().orElseThrow());
            Path copy = java.nio.file.Files.createTempFile("zoo-it-", ModelBundle.EXTENSION);
            try {
                java.nio.file.Files.write(copy, bundleBytes);
                double recorded = ModelBundle.read(copy).manifest().metrics().get("test.accuracy");
                try (Classifier original = FashionZoo.openBundle(entry.id())) {
                    float[][] probabilities = original.predictProbabilities(test.images());
                    assertEquals(recorded, (double) correct(probabilities, test.labels()) / test.size(), 1e-12, entry.id());
                }
            } finally {
                java.nio.file.Files.deleteIfExists(copy);
            }
        }
    }

    @Test
    void thePhotoClassifierReadsPictureFiles(@TempDir Path dir) throws Exception {
        LabeledDataset sample = StratifiedSample.sample(data.test(), 100, 3L);
        int correct = 0;
        try (PhotoClassifier photos = PhotoClassifier.pretrained()) {
            for (int i = 0; i < sample.size(); i++) {
                Path png = dir.resolve(i + ".png");
                PngExporter.write(sample.images().get(i), 4, png);
                List<Prediction.ClassProbability> top = photos.classify(png);
                assertEquals(PhotoClassifier.DEFAULT_TOP, top.size());
                assertFalse(top.get(0).probability() < top.get(1).probability());
                if (top.get(0).fashionClass().label() == sample.label(i)) {
                    correct++;
                }
            }
        }
        // The importer re-crops and refits the 112×112 PNG, so a few images change; most must still be right.
        assertTrue(correct >= 85, correct + " of 100 exported test images classified correctly");
    }
}
