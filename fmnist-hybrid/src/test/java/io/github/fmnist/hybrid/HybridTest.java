package io.github.fmnist.hybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.dl.CnnProvider;
import io.github.fmnist.testkit.ReferenceNetwork;
import io.github.fmnist.testkit.SyntheticFashion;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridTest {
    private static final LabeledDataset TRAIN = SyntheticFashion.dataset(400, 1L);
    private static final float[] PROBE = SyntheticFashion.dataset(30, 5L).images().toNormalizedNchw();

    @TempDir
    Path dir;

    private static Classifier fit(String network) {
        return fit(network, true);
    }

    private static Classifier fit(String network, boolean flip) {
        HybridProvider provider = new HybridProvider();
        Hyperparameters hp = provider.descriptor().defaults().with(HybridProvider.NETWORK, network)
                .with(HybridProvider.MAX_ITERATIONS, 200).with(HybridProvider.FLIP, flip);
        return provider.trainer(hp).fit(TrainingRequest.of(TRAIN, 3L).withThreads(1));
    }

    @Test
    void aHeadOnARealCnnsFeaturesRoundTripsAndDescribesItself() throws IOException {
        CnnProvider cnn = new CnnProvider();
        Path network = dir.resolve("cnn.fmnist");
        try (Classifier trained = cnn.trainer(cnn.descriptor().defaults().with(CnnProvider.EPOCHS, 1)
                .with(CnnProvider.THREADS, 1)).fit(TrainingRequest.of(TRAIN, 7L))) {
            ModelBundle.save(network, trained);
        }
        try (Classifier plain = fit(network.toString(), false)) {
            NetworkDescription d = plain.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            assertEquals(HybridClassifier.LOGITS, d.logits());
            assertDescribes(d, plain.predictNormalized(PROBE));
        }
        try (Classifier hybrid = fit(network.toString())) {
            NetworkDescription d = hybrid.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            assertEquals(HybridClassifier.VOTE, d.logits());
            float[][] actual = hybrid.predictNormalized(PROBE);
            assertDescribes(d, actual);
            Path file = dir.resolve("hybrid.fmnist");
            ModelBundle.save(file, hybrid);
            ModelBundle bundle = ModelBundle.read(file);
            assertEquals("cnn", bundle.readNested(HybridProvider.NETWORK_ENTRY).manifest().providerId());
            try (Classifier loaded = new HybridProvider().load(bundle)) {
                assertArrayEquals(actual, loaded.predictNormalized(PROBE));
            }
        }
    }

    private static void assertDescribes(NetworkDescription d, float[][] actual) {
        double[][] reference = ReferenceNetwork.of(d).probabilities(PROBE);
        for (int i = 0; i < actual.length; i++) {
            for (int c = 0; c < 10; c++) {
                assertEquals(reference[i][c], actual[i][c], 1e-5, d.logits() + " image " + i + " class " + c);
            }
        }
    }

    @Test
    void withFlipsThePredictionIsTheMeanOverImageAndMirror() {
        float[] mirrored = Layer.FlipHorizontal.apply(PROBE);
        try (Classifier hybrid = fit(FeatureCentroidProvider.ID)) {
            float[][] p = hybrid.predictNormalized(PROBE);
            float[][] m = hybrid.predictNormalized(mirrored);
            for (int i = 0; i < p.length; i++) {
                assertArrayEquals(p[i], m[i], 1e-6f, "the mean over an image and its mirror is symmetric: image " + i);
            }
        }
    }

    @Test
    void aNetworkWithoutFeaturesIsRefusedByName() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> fit(NearestCentroidProvider.ID));
        assertTrue(e.getMessage().contains("testkit-centroid") && e.getMessage().contains("FeatureExtractor"), e.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> fit(dir.resolve("absent.fmnist").toString()));
        assertTrue(missing.getMessage().contains("absent.fmnist"), missing.getMessage());
    }

    @Test
    void theHeadSurvivesItsBytesAndABadHeadIsNamedWithItsOffset() throws IOException {
        LinearHead head = new LinearHead(new double[] {0.5, 1}, new double[] {2, 3}, new double[20], new double[10]);
        byte[] bytes = head.toBytes();
        LinearHead again = LinearHead.read(new ByteArrayInputStream(bytes), bytes.length, "head");
        assertArrayEquals(head.std(), again.std());
        IncompatibleModelException shortened = assertThrows(IncompatibleModelException.class,
                () -> LinearHead.read(new ByteArrayInputStream(bytes), bytes.length - 8, "head.bin"));
        assertTrue(shortened.getMessage().contains("head.bin at offset 12") && shortened.getMessage().contains("bytes"),
                shortened.getMessage());
        bytes[12 + 8 * 2] = (byte) 0xbf; // std[0] = negative
        IncompatibleModelException negative = assertThrows(IncompatibleModelException.class,
                () -> LinearHead.read(new ByteArrayInputStream(bytes), bytes.length, "head.bin"));
        assertTrue(negative.getMessage().contains("positive finite std for feature 0"), negative.getMessage());
    }

    @Test
    void constantFeaturesDoNotBreakTheHead() {
        try (Classifier hybrid = fit(FeatureCentroidProvider.ID)) {
            for (float[] row : hybrid.predictNormalized(PROBE)) {
                float sum = 0;
                for (float v : row) {
                    assertFalse(Float.isNaN(v));
                    sum += v;
                }
                assertEquals(1f, sum, 1e-5f);
            }
        }
    }
}
