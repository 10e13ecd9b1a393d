package io.github.fmnist.data;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.DataUnavailableException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.idx.IdxWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resolution order, checksum verification and error messages, on small synthetic IDX files. */
class FashionMnistLoaderTest {
    static final LabeledDataset TRAIN = SyntheticData.dataset(50, 0);
    static final LabeledDataset TEST = SyntheticData.dataset(20, 5);

    @TempDir
    Path root;
    Path cache;
    Path system;
    Map<String, String> sums;

    @BeforeEach
    void setUp() throws Exception {
        cache = root.resolve("cache");
        system = root.resolve("system");
        sums = writeDataset(root.resolve("reference"), true);
    }

    @Test
    void explicitDirectoryIsReadWithChecksums() throws Exception {
        Path dir = root.resolve("explicit");
        writeDataset(dir, false);
        FashionMnistData data = builder(Map.of()).directory(dir).load();
        assertEquals(TRAIN, data.train());
        assertEquals(TEST, data.test());
        assertEquals(dir.toAbsolutePath().toString(), data.source());
        assertEquals(sums, data.sha256());
    }

    @Test
    void explicitDirectoryIsTheOnlyPlaceLooked() throws Exception {
        writeDataset(cache, true);
        Path dir = root.resolve("empty");
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> builder(Map.of()).directory(dir).load());
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        assertTrue(!e.getMessage().contains(cache.toString()), e.getMessage());
    }

    @Test
    void propertyComesBeforeEnvironmentCacheAndSystemDirectory() throws Exception {
        Path byProperty = root.resolve("property");
        Path byEnv = root.resolve("env");
        writeDataset(byProperty, true);
        writeDataset(byEnv, true);
        writeDataset(cache, true);
        writeDataset(system, true);
        FashionMnistData data = builder(Map.of("fmnist.data.dir", byProperty.toString()),
                Map.of("FMNIST_DATA_DIR", byEnv.toString())).load();
        assertEquals(byProperty.toAbsolutePath().toString(), data.source());

        FashionMnistData fromEnv = builder(Map.of(), Map.of("FMNIST_DATA_DIR", byEnv.toString())).load();
        assertEquals(byEnv.toAbsolutePath().toString(), fromEnv.source());
    }

    @Test
    void cacheComesBeforeSystemDirectoryAndCachePropertyIsHonoured() throws Exception {
        Path propertyCache = root.resolve("property-cache");
        writeDataset(propertyCache, true);
        writeDataset(system, true);
        FashionMnistData data = builder(Map.of("fmnist.cache.dir", propertyCache.toString()), Map.of())
                .lookupsOnly().load();
        assertEquals(propertyCache.toAbsolutePath().toString(), data.source());
    }

    @Test
    void systemDirectoryIsUsedWhenNothingElseHasTheFiles() throws Exception {
        writeDataset(system, false);
        Path misconfigured = root.resolve("nothing-here");
        FashionMnistData data = builder(Map.of("fmnist.data.dir", misconfigured.toString())).load();
        assertEquals(system.toAbsolutePath().toString(), data.source());
    }

    @Test
    void incompleteDirectoryIsSkipped() throws Exception {
        writeDataset(cache, true);
        Files.delete(cache.resolve("t10k-labels-idx1-ubyte.gz"));
        writeDataset(system, true);
        assertEquals(system.toAbsolutePath().toString(), builder(Map.of()).load().source());
    }

    @Test
    void checksumMismatchOfAFoundFileNamesFileExpectedAndFound() throws Exception {
        writeDataset(system, true);
        Map<String, String> wrong = new HashMap<>(sums);
        wrong.put("t10k-images-idx3-ubyte", "00".repeat(32));
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> builder(Map.of()).expectedSha256(wrong).load());
        assertTrue(e.getMessage().contains(system.resolve("t10k-images-idx3-ubyte.gz").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("00".repeat(32)), e.getMessage());
        assertTrue(e.getMessage().contains(sums.get("t10k-images-idx3-ubyte")), e.getMessage());

        FashionMnistData unchecked = builder(Map.of()).expectedSha256(wrong).verifyChecksums(false).load();
        assertEquals(sums, unchecked.sha256());
    }

    @Test
    void imageAndLabelCountsMustAgree() throws Exception {
        writeDataset(system, true);
        IdxWriter.writeLabels(TEST.slice(0, 19).labels(), system.resolve("t10k-labels-idx1-ubyte.gz"));
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> builder(Map.of()).verifyChecksums(false).load());
        assertTrue(e.getMessage().contains("20 images") && e.getMessage().contains("found 19"), e.getMessage());
    }

    @Test
    void nothingFoundOfflineListsEveryPlaceAndHowToGetTheData() {
        Path configured = root.resolve("configured");
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> builder(Map.of("fmnist.data.dir", configured.toString(), "fmnist.offline", "true")).load());
        String message = e.getMessage();
        for (String expected : List.of(configured.toAbsolutePath().toString(), cache.toAbsolutePath().toString(),
                system.toAbsolutePath().toString(), "download: switched off", "apt-get install dataset-fashion-mnist",
                "fmnist.data.dir", "FMNIST_DATA_DIR", "fmnist.offline")) {
            assertTrue(message.contains(expected), () -> "mentions " + expected + ": " + message);
        }
        assertTrue(!Files.exists(cache), "offline loading creates nothing");
    }

    /** A builder that sees only the given properties/environment, the temp cache and the temp system directory. */
    TestBuilder builder(Map<String, String> properties) {
        return builder(properties, Map.of());
    }

    TestBuilder builder(Map<String, String> properties, Map<String, String> env) {
        return new TestBuilder(properties, env);
    }

    final class TestBuilder {
        private final Map<String, String> properties;
        private final Map<String, String> env;
        private Path directory;
        private Map<String, String> expected = sums;
        private boolean verify = true;
        private boolean explicitCache = true;

        TestBuilder(Map<String, String> properties, Map<String, String> env) {
            this.properties = new HashMap<>(properties);
            this.properties.putIfAbsent("user.home", root.resolve("home").toString());
            this.env = env;
        }

        /** Leaves the cache directory to the property {@code fmnist.cache.dir} (or user.home). */
        TestBuilder lookupsOnly() {
            explicitCache = false;
            return this;
        }

        TestBuilder directory(Path dir) {
            directory = dir;
            return this;
        }

        TestBuilder expectedSha256(Map<String, String> sums) {
            expected = sums;
            return this;
        }

        TestBuilder verifyChecksums(boolean value) {
            verify = value;
            return this;
        }

        FashionMnistData load() {
            FashionMnist.Builder builder = FashionMnist.builder()
                    .lookups(properties::get, env::get)
                    .systemDirectories(List.of(system))
                    .expectedSha256(expected)
                    .verifyChecksums(verify);
            if (!properties.containsKey("fmnist.offline")) {
                builder.offline(true); // these tests never download; the property is exercised where it is set
            }
            if (explicitCache) {
                builder.cacheDirectory(cache);
            }
            if (directory != null) {
                builder.directory(directory);
            }
            return builder.load();
        }
    }

    /** Writes the synthetic dataset into {@code dir}; returns the SHA-256 of each uncompressed file. */
    static Map<String, String> writeDataset(Path dir, boolean gzip) throws Exception {
        String suffix = gzip ? ".gz" : "";
        IdxWriter.writeImages(TRAIN.images(), dir.resolve("train-images-idx3-ubyte" + suffix));
        IdxWriter.writeLabels(TRAIN.labels(), dir.resolve("train-labels-idx1-ubyte" + suffix));
        IdxWriter.writeImages(TEST.images(), dir.resolve("t10k-images-idx3-ubyte" + suffix));
        IdxWriter.writeLabels(TEST.labels(), dir.resolve("t10k-labels-idx1-ubyte" + suffix));
        Path rawDir = Files.createTempDirectory("idx-raw");
        Map<String, String> sums = new HashMap<>();
        try {
            IdxWriter.writeImages(TRAIN.images(), rawDir.resolve("a"));
            sums.put("train-images-idx3-ubyte", sha256(rawDir.resolve("a")));
            IdxWriter.writeLabels(TRAIN.labels(), rawDir.resolve("b"));
            sums.put("train-labels-idx1-ubyte", sha256(rawDir.resolve("b")));
            IdxWriter.writeImages(TEST.images(), rawDir.resolve("c"));
            sums.put("t10k-images-idx3-ubyte", sha256(rawDir.resolve("c")));
            IdxWriter.writeLabels(TEST.labels(), rawDir.resolve("d"));
            sums.put("t10k-labels-idx1-ubyte", sha256(rawDir.resolve("d")));
        } finally {
            for (String f : List.of("a", "b", "c", "d")) {
                Files.deleteIfExists(rawDir.resolve(f));
            }
            Files.delete(rawDir);
        }
        return sums;
    }

    static String sha256(Path file) throws IOException, java.security.NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
