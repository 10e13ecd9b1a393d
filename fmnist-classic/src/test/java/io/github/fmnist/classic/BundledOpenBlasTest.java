package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.testkit.SyntheticFashion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class BundledOpenBlasTest {

    /**
     * The models that call BLAS and LAPACK run with the OpenBLAS fmnist extracts from the org.bytedeco jar: the
     * only libopenblas the process maps is that one (a system library, or none, fails this test).
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void mlpAndPcaRunOnTheBundledOpenBlasOnly() throws Exception {
        LabeledDataset train = SyntheticFashion.dataset(200, 5L);
        MlpProvider mlp = new MlpProvider();
        try (Classifier c = mlp.trainer(mlp.descriptor().defaults().with(MlpProvider.HIDDEN_UNITS, 8).with(MlpProvider.EPOCHS, 1))
                .fit(TrainingRequest.of(train, 1L).withThreads(1))) {
            assertEquals(10, c.predictProbabilities(train.images())[0].length);
        }
        KnnProvider knn = new KnnProvider();
        try (Classifier c = knn.trainer(knn.descriptor().defaults().with(KnnProvider.PCA_COMPONENTS, 5))
                .fit(TrainingRequest.of(train, 1L).withThreads(1))) {
            assertEquals(10, c.predictProbabilities(train.images())[0].length);
        }

        Path bundled = BundledOpenBlas.load().library().orElseThrow(
                () -> new AssertionError("the bundled OpenBLAS was not loaded: " + BundledOpenBlas.status())).toRealPath();
        Set<String> mapped = mappedLibraries("libopenblas");
        assertEquals(Set.of(bundled.toString()), mapped, "libopenblas files mapped into this JVM");
        assertEquals("libopenblas.so", bundled.getFileName().toString());
        assertTrue(mappedLibraries("libgfortran").stream().allMatch(p -> p.startsWith(bundled.getParent().toString())),
                "libgfortran comes from the same folder: " + mappedLibraries("libgfortran"));
    }

    @Test
    void systemModeLeavesSmileToFindItsLibrary() {
        BundledOpenBlas.Outcome outcome = BundledOpenBlas.load(linux(Map.of("fmnist.openblas", "system")), loader());
        assertEquals(Optional.empty(), outcome.library());
        assertTrue(outcome.description().contains("fmnist.openblas=system"), outcome.description());
    }

    @Test
    void smilesOwnLibraryPropertyWins() {
        BundledOpenBlas.Outcome outcome = BundledOpenBlas.load(linux(Map.of("smile.lib.blas", "mkl_rt")), loader());
        assertEquals(Optional.empty(), outcome.library());
        assertTrue(outcome.description().contains("smile.lib.blas=mkl_rt"), outcome.description());
    }

    @Test
    void otherOperatingSystemsAreLeftAlone() {
        Map<String, String> mac = new HashMap<>(Map.of("os.name", "Mac OS X", "os.arch", "aarch64", "user.home", "/nonexistent"));
        BundledOpenBlas.Outcome outcome = BundledOpenBlas.load(mac::get, loader());
        assertEquals(Optional.empty(), outcome.library());
        assertTrue(outcome.description().contains("Mac OS X"), outcome.description());
    }

    @Test
    void unwritableCacheFallsBackWithAHint(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");
        BundledOpenBlas.Outcome outcome = BundledOpenBlas.load(
                linux(Map.of("fmnist.native.cache.dir", file.resolve("cache").toString())), loader());
        assertEquals(Optional.empty(), outcome.library());
        assertTrue(outcome.description().contains("-Dfmnist.native.cache.dir"), outcome.description());
    }

    @Test
    void platformNamesFollowJavaCpp() {
        assertEquals(Optional.of("linux-x86_64"), BundledOpenBlas.platform("Linux", "amd64"));
        assertEquals(Optional.of("linux-arm64"), BundledOpenBlas.platform("Linux", "aarch64"));
        assertEquals(Optional.of("linux-ppc64le"), BundledOpenBlas.platform("Linux", "ppc64le"));
        assertFalse(BundledOpenBlas.platform("Linux", "x86").isPresent());
        assertFalse(BundledOpenBlas.platform("Windows 11", "amd64").isPresent());
    }

    private static UnaryOperator<String> linux(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("os.name", "Linux", "os.arch", "amd64", "user.home", "/nonexistent"));
        properties.putAll(extra);
        return properties::get;
    }

    private static ClassLoader loader() {
        return BundledOpenBlasTest.class.getClassLoader();
    }

    /** Files mapped into this process whose name starts with {@code prefix}. */
    private static Set<String> mappedLibraries(String prefix) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(line -> line.split("\\s+", 6))
                    .filter(fields -> fields.length == 6 && fields[5].startsWith("/"))
                    .map(fields -> fields[5])
                    .filter(path -> Path.of(path).getFileName().toString().startsWith(prefix))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
