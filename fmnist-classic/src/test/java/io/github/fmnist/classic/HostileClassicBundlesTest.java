package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.BundleFormatException;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.testkit.SyntheticFashion;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-made bundles with true manifests (sizes and SHA-256 match, as anyone can write them): each is refused with a
 * typed error, without deserialising or allocating what it claims.
 */
class HostileClassicBundlesTest {
    @TempDir
    Path dir;

    static List<ModelProvider> providers() {
        return List.of(new LogisticRegressionProvider(), new SvmProvider(), new RandomForestProvider(), new MlpProvider(),
                new KnnProvider());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void nestedMapsInTheCurrentVersionAreRefusedAsNotABinaryPayload(ModelProvider provider) throws Exception {
        byte[] payload = JavaSerialization.serialize(NestedMaps.of(40)); // 2^40 hashes if it were deserialised
        assertTrue(payload.length < 10_000, "payload of " + payload.length + " bytes");
        Path file = RawBundle.write(dir.resolve(provider.id() + ".fmnist"), RawBundle.info(provider, ClassicModels.VERSION),
                Map.of(SmileClassifier.MODEL_ENTRY, payload));
        BundleFormatException e = assertThrows(BundleFormatException.class,
                () -> PluginRegistry.discover().loadClassifier(file).close());
        assertTrue(e.getMessage().contains("payload 'model.bin' at offset 0: expected the magic number"), e.getMessage());
        assertEquals("model.bin", e.entry());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aJavaSerialisedOneDotXBundleIsRefusedWithTheWayToConvertIt(ModelProvider provider) throws Exception {
        Path file = RawBundle.write(dir.resolve(provider.id() + "-1.fmnist"), RawBundle.info(provider, "1.0.0"),
                Map.of(JavaSerializedBundles.MODEL_ENTRY, JavaSerialization.serialize(NestedMaps.of(40))));
        IncompatibleModelException viaRegistry = assertThrows(IncompatibleModelException.class,
                () -> PluginRegistry.discover().loadClassifier(file).close());
        assertTrue(viaRegistry.getMessage().contains("fmnist upgrade-bundle --trust-java-serialization IN OUT"),
                viaRegistry.getMessage());
        IncompatibleModelException direct = assertThrows(IncompatibleModelException.class,
                () -> provider.load(ModelBundle.read(file)).close());
        assertTrue(direct.getMessage().contains("no longer reads the Java-serialised payloads of 1.x bundles"), direct.getMessage());
    }

    @Test
    void aBundleDeclaringMoreThanItsProviderAcceptsIsRefusedBeforeInflating() throws Exception {
        LogisticRegressionProvider logreg = new LogisticRegressionProvider();
        Path file = RawBundle.write(dir.resolve("big.fmnist"), RawBundle.info(logreg, ClassicModels.VERSION),
                Map.of(SmileClassifier.MODEL_ENTRY, new byte[(int) LogisticRegressionProvider.MAX_PAYLOAD_BYTES + 1]));
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> PluginRegistry.discover().loadClassifier(file));
        assertTrue(e.getMessage().contains("provider 'logreg' accepts at most " + LogisticRegressionProvider.MAX_PAYLOAD_BYTES),
                e.getMessage());
    }

    /** Issue 16's second file: an entry declared (and zipped) as 2·10⁹ bytes, refused from the manifest alone. */
    @Test
    void aDeclaredTwoGigabyteEntryIsRefusedBeforeInflating() throws Exception {
        RandomForestProvider rf = new RandomForestProvider();
        Path small = RawBundle.write(dir.resolve("small.fmnist"), RawBundle.info(rf, ClassicModels.VERSION),
                Map.of(SmileClassifier.MODEL_ENTRY, new byte[16]));
        Path huge = dir.resolve("huge.fmnist");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(small.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(huge))) {
            for (java.util.zip.ZipEntry e : in.stream().toList()) {
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("fmnist-manifest.properties")) {
                    content = new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("payload.model.bin.size=16", "payload.model.bin.size=2000000000")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        TamperedModelException e = assertThrows(TamperedModelException.class, () -> PluginRegistry.discover().loadClassifier(huge));
        assertTrue(e.getMessage().contains("'model.bin' declares 2000000000 bytes; the bundle may hold at most"), e.getMessage());
    }

    static Stream<Arguments> trained() {
        return providers().stream().map(p -> Arguments.of(p.id(), p));
    }

    /** Every prefix and a few corruptions of a real model's entries: a typed error or a model, never anything else. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trained")
    void truncatedOrCorruptedEntriesAreTyped(String id, ModelProvider provider) throws Exception {
        Map<String, byte[]> entries;
        try (Classifier trained = provider.trainer(small(provider)).fit(TrainingRequest.of(SyntheticFashion.dataset(200, 3L), 1L))) {
            entries = RawBundle.entries(trained, dir);
        }
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] content = entry.getValue();
            for (int cut : cuts(content.length)) {
                Map<String, byte[]> changed = new LinkedHashMap<>(entries);
                changed.put(entry.getKey(), Arrays.copyOf(content, cut));
                BundleFormatException e = assertThrows(BundleFormatException.class, () -> load(provider, changed).close(),
                        id + " " + entry.getKey() + " cut to " + cut + " of " + content.length + " bytes");
                assertEquals(entry.getKey(), e.entry());
            }
            Map<String, byte[]> grown = new LinkedHashMap<>(entries);
            grown.put(entry.getKey(), Arrays.copyOf(content, content.length + 1));
            BundleFormatException e = assertThrows(BundleFormatException.class, () -> load(provider, grown).close());
            assertEquals(entry.getKey(), e.entry());
            assertTrue(e.getMessage().contains("found 1 more bytes") || e.getMessage().contains("bytes), found"), e.getMessage());
            for (int at = 0; at < Math.min(content.length, 64); at++) {
                Map<String, byte[]> flipped = new LinkedHashMap<>(entries);
                byte[] c = content.clone();
                c[at] = (byte) 0x7F;
                flipped.put(entry.getKey(), c);
                try (Classifier ignored = load(provider, flipped)) {
                    // a flip may leave valid numbers (a weight, a label); what matters is that nothing else escapes
                } catch (BundleFormatException expected) {
                    assertEquals(entry.getKey(), expected.entry());
                }
            }
        }
    }

    @Test
    void theUpgradeRefusesANonClassicOrCurrentBundle() throws Exception {
        SvmProvider svm = new SvmProvider();
        Path current = RawBundle.write(dir.resolve("current.fmnist"), RawBundle.info(svm, ClassicModels.VERSION), Map.of("model.bin", new byte[1]));
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class,
                () -> JavaSerializedBundles.upgrade(current, dir.resolve("out.fmnist")));
        assertTrue(e.getMessage().contains("there is nothing to upgrade"), e.getMessage());
        assertFalse(java.nio.file.Files.exists(dir.resolve("out.fmnist")));
    }

    private Classifier load(ModelProvider provider, Map<String, byte[]> entries) throws Exception {
        Path file = RawBundle.write(dir.resolve("changed-" + System.nanoTime() + ".fmnist"),
                RawBundle.info(provider, ClassicModels.VERSION), entries);
        return provider.load(ModelBundle.read(file));
    }

    private static int[] cuts(int length) {
        return java.util.stream.IntStream.of(0, 3, 4, 9, 17, 21, 25, 30, length / 3, length / 2, length - 9, length - 1)
                .filter(c -> c >= 0 && c < length).distinct().toArray();
    }

    private static io.github.fmnist.api.model.Hyperparameters small(ModelProvider provider) {
        var hp = provider.descriptor().defaults();
        return switch (provider.id()) {
            case "logreg" -> hp.with(LogisticRegressionProvider.MAX_ITERATIONS, 5);
            case "svm" -> hp.with(SvmProvider.PCA_COMPONENTS, 10);
            case "rf" -> hp.with(RandomForestProvider.TREES, 3);
            case "mlp" -> hp.with(MlpProvider.HIDDEN_UNITS, 8).with(MlpProvider.EPOCHS, 1);
            case "knn" -> hp.with(KnnProvider.PCA_COMPONENTS, 10);
            default -> hp;
        };
    }
}
