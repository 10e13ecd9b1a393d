package io.github.fmnist.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.registry.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bundle loading through {@link PluginRegistry} with the real plugins on the class path (cnn, resnet, logreg, svm,
 * rf, mlp, knn, onnx), starting from a bundle each of them wrote. Two targets: the bundle file's bytes mutated
 * as they are (ZIP structure, manifest, checksums), and one payload entry mutated and the bundle re-sealed with
 * its true size and SHA-256, as anyone can (nothing authenticates a manifest), so that the plugins' own readers
 * get the fuzzed bytes.
 */
class BundleFuzzTest {
    private static PluginRegistry registry;
    private static List<Seeds.SeedBundle> seeds;
    private static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        registry = PluginRegistry.discover();
        seeds = Seeds.bundles();
        dir = Files.createTempDirectory("fmnist-fuzz-bundles-");
    }

    @AfterAll
    static void tidy() throws IOException {
        TempFiles.deleteTree(dir);
    }

    @Test
    void everySeedIsAValidBundleOfARealPlugin() throws Exception {
        assertEquals(List.of("logreg", "svm", "rf", "mlp", "knn", "cnn", "resnet", "onnx"),
                seeds.stream().map(Seeds.SeedBundle::providerId).toList());
        for (Seeds.SeedBundle seed : seeds) {
            Path file = Files.write(dir.resolve(seed.providerId() + ModelBundle.EXTENSION), seed.file());
            try (Classifier loaded = registry.loadClassifier(file)) {
                assertEquals(seed.providerId(), loaded.info().providerId());
                Results.checkProbabilities(loaded);
            }
        }
    }

    @FuzzTest
    void bundleFile(FuzzedDataProvider data) throws Exception {
        Seeds.SeedBundle seed = seeds.get(data.consumeInt(0, seeds.size() - 1));
        Path file = Files.write(dir.resolve("fuzzed" + ModelBundle.EXTENSION), Mutation.apply(seed.file(), data));
        Invariant.holds(() -> loadAndPredict(file));
    }

    @FuzzTest
    void resealedPayloadEntry(FuzzedDataProvider data) throws Exception {
        Seeds.SeedBundle seed = seeds.get(data.consumeInt(0, seeds.size() - 1));
        List<String> names = List.copyOf(seed.payload().keySet());
        String name = names.get(data.consumeInt(0, names.size() - 1));
        Map<String, byte[]> payload = new LinkedHashMap<>(seed.payload());
        payload.put(name, Mutation.apply(payload.get(name), data));
        Path file = dir.resolve("resealed" + ModelBundle.EXTENSION);
        ModelBundle.save(file, new Resealed(seed.classifier().info(), payload));
        Invariant.holds(() -> loadAndPredict(file));
    }

    private static void loadAndPredict(Path file) throws IOException {
        try (Classifier loaded = registry.loadClassifier(file)) {
            Results.checkProbabilities(loaded);
        }
    }

    /** A classifier that only writes the payload given, under another classifier's info. */
    private record Resealed(ModelInfo info, Map<String, byte[]> payload) implements Classifier {
        @Override
        public float[][] predictNormalized(float[] nchw) {
            throw new UnsupportedOperationException("only written, never used");
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            for (Map.Entry<String, byte[]> entry : payload.entrySet()) {
                sink.write(entry.getKey(), entry.getValue());
            }
        }
    }
}
