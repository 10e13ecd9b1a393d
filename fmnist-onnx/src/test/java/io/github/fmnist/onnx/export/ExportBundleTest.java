package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.DataOrigin;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.onnx.TestNetworks;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import io.github.fmnist.testkit.SyntheticFashion;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportBundleTest {
    private static final OnnxRuntimeOptions CPU = OnnxRuntimeOptions.defaults().withProvider(OnnxRuntimeOptions.ProviderPreference.CPU);

    @Test
    void exportsABundleInOneCallWithItsProvenance(@TempDir Path dir) throws Exception {
        ModelProvider provider = PluginRegistry.discover().requireModel(NearestCentroidProvider.ID);
        Path bundle = dir.resolve("centroid.fmnist");
        Path onnx = dir.resolve("out/centroid.onnx");
        float[] images = TestNetworks.randomImages(20, 12);
        float[][] expected;
        LabeledDataset train = SyntheticFashion.dataset(100, 1L)
                .withOrigin(new DataOrigin(Map.of("train-images-idx3-ubyte", "abc"), "synthetic 1"));
        try (Classifier trained = provider.trainer(provider.descriptor().defaults()).fit(TrainingRequest.of(train, 77))) {
            ModelBundle.save(bundle, trained, Map.of("test.accuracy", 0.5));
            expected = trained.predictNormalized(images);
        }

        OnnxExporter.exportBundle(bundle, onnx);

        try (OnnxClassifier c = OnnxClassifier.open(onnx, CPU)) {
            Map<String, String> meta = c.metadata();
            assertEquals(NearestCentroidProvider.ID, meta.get("fmnist.provider.id"));
            assertEquals("77", meta.get("fmnist.provenance.seed"));
            assertEquals("1", meta.get("fmnist.provenance.threads"));
            assertEquals("synthetic 1", meta.get("fmnist.provenance.split"));
            assertEquals(ModelBundle.read(bundle).manifest().provenance().createdAt().toString(),
                    meta.get("fmnist.provenance.created"));
            assertEquals("abc", meta.get("fmnist.provenance.dataset.train-images-idx3-ubyte"));
            assertEquals("0.5", meta.get("fmnist.metric.test.accuracy"));
            assertTrue(meta.containsKey(OnnxExporter.CLASS_NAMES_KEY));
            float[][] actual = c.predictNormalized(images);
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < expected[i].length; j++) {
                    assertEquals(expected[i][j], actual[i][j], 1e-5, "image " + i + " class " + j);
                }
            }
        }
    }

    @Test
    void aModelWithoutANetworkDescriptionIsUnsupported(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("onnx.fmnist");
        try (OnnxClassifier c = OnnxClassifier.open(OnnxExporter.toBytes(TestNetworks.mlp(1), Map.of()), "mlp", CPU)) {
            ModelBundle.save(bundle, c);
        }
        Path target = dir.resolve("again.onnx");
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> OnnxExporter.exportBundle(bundle, target));
        assertTrue(e.getMessage().contains("'onnx'") && e.getMessage().contains("NetworkExportable"), e.getMessage());
        assertTrue(Files.notExists(target));
    }
}
