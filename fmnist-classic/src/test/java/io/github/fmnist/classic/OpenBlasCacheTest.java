package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction into the cache, with a class path made of small fake natives (a tiny ELF and two companions). */
class OpenBlasCacheTest {
    private static final String PLATFORM = "linux-test";

    @TempDir
    Path temp;

    @Test
    void extractsRenamedLibraryAndCompanionsIntoContentNamedFolder() throws IOException {
        Path root = temp.resolve("cache");
        Path folder = new OpenBlasCache(root).install(natives("v1"), PLATFORM).orElseThrow();

        assertEquals(root, folder.getParent());
        assertTrue(folder.getFileName().toString().matches("openblas-linux-test-[0-9a-f]{16}"), folder.toString());
        assertEquals(Set.of("libopenblas.so", "libgfortran.so.5", "libquadmath.so.0"), names(folder));
        assertEquals("libopenblas.so", ElfSoname.read("extracted", Files.readAllBytes(folder.resolve("libopenblas.so"))));
        assertArrayEquals(companion("libgfortran.so.5", "v1"), Files.readAllBytes(folder.resolve("libgfortran.so.5")));
        assertEquals(Set.of(folder.getFileName().toString()), names(root), "no temporary folder is left behind");
    }

    @Test
    void secondInstallReusesTheFolderWithoutWriting() throws IOException {
        Path root = temp.resolve("cache");
        Path first = new OpenBlasCache(root).install(natives("v1"), PLATFORM).orElseThrow();
        FileTime written = FileTime.from(Instant.now().minus(3, ChronoUnit.DAYS));
        Files.setLastModifiedTime(first.resolve("libopenblas.so"), written);

        Path second = new OpenBlasCache(root).install(natives("v1"), PLATFORM).orElseThrow();

        assertEquals(first, second);
        assertEquals(written, Files.getLastModifiedTime(second.resolve("libopenblas.so")));
    }

    @Test
    void differentNativesGoToAnotherFolder() throws IOException {
        Path root = temp.resolve("cache");
        Path v1 = new OpenBlasCache(root).install(natives("v1"), PLATFORM).orElseThrow();
        Path v2 = new OpenBlasCache(root).install(natives("v2"), PLATFORM).orElseThrow();
        assertNotEquals(v1, v2);
        assertArrayEquals(companion("libquadmath.so.0", "v2"), Files.readAllBytes(v2.resolve("libquadmath.so.0")));
    }

    @Test
    void concurrentInstallsAllGetOneCompleteFolder() throws Exception {
        Path root = temp.resolve("cache");
        int workers = 6;
        CyclicBarrier start = new CyclicBarrier(workers);
        List<Callable<Path>> jobs = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            ClassLoader loader = natives("v1");
            jobs.add(() -> {
                start.await();
                return new OpenBlasCache(root).install(loader, PLATFORM).orElseThrow();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        Set<Path> folders;
        try {
            List<Future<Path>> results = pool.invokeAll(jobs);
            folders = new HashSet<>();
            for (Future<Path> result : results) {
                folders.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, folders.size(), folders.toString());
        Path folder = folders.iterator().next();
        assertEquals(Set.of("libopenblas.so", "libgfortran.so.5", "libquadmath.so.0"), names(folder));
        assertEquals(Set.of(folder.getFileName().toString()), names(root), "losers clean up their temporary folders");
    }

    @Test
    void folderDamagedByHandIsExtractedAgain() throws IOException {
        Path root = temp.resolve("cache");
        Path folder = new OpenBlasCache(root).install(natives("v1"), PLATFORM).orElseThrow();
        Files.delete(folder.resolve("libgfortran.so.5"));
        Files.write(folder.resolve("libquadmath.so.0"), new byte[] {1});

        Path again = new OpenBlasCache(root).install(natives("v1"), PLATFORM).orElseThrow();

        assertEquals(folder, again);
        assertArrayEquals(companion("libgfortran.so.5", "v1"), Files.readAllBytes(again.resolve("libgfortran.so.5")));
        assertArrayEquals(companion("libquadmath.so.0", "v1"), Files.readAllBytes(again.resolve("libquadmath.so.0")));
        assertEquals(Set.of(folder.getFileName().toString()), names(root));
    }

    @Test
    void temporaryFoldersOfKilledRunsAreRemovedOnlyWhenOld() throws IOException {
        Path root = Files.createDirectories(temp.resolve("cache"));
        Path old = Files.createDirectories(root.resolve(".extracting-123abc"));
        Files.write(old.resolve("libopenblas.so"), new byte[10]);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path recent = Files.createDirectories(root.resolve(".extracting-456def"));

        Path folder = new OpenBlasCache(root).install(natives("v1"), PLATFORM).orElseThrow();

        assertEquals(Set.of(folder.getFileName().toString(), recent.getFileName().toString()), names(root));
    }

    @Test
    void classPathWithoutTheJarGivesNothing() throws IOException {
        Path root = temp.resolve("cache");
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertEquals(Optional.empty(), new OpenBlasCache(root).install(empty, PLATFORM));
        }
        assertTrue(Files.notExists(root), "nothing is created when there is nothing to extract");
    }

    @Test
    void libraryWithoutItsCompanionsIsAnError() throws IOException {
        Path classes = temp.resolve("partial");
        Path folder = Files.createDirectories(classes.resolve(OpenBlasCache.resourceFolder(PLATFORM)));
        Files.write(folder.resolve("libopenblas.so.0"), TinyElf.sharedObject("libopenblas.so.0", "libgfortran.so.5"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            IOException e = assertThrows(IOException.class, () -> new OpenBlasCache(temp.resolve("cache")).install(loader, PLATFORM));
            assertTrue(e.getMessage().contains("libgfortran.so.5"), e.getMessage());
        }
    }

    @Test
    void nativesInAJarAreFingerprintedFromItsEntries() throws IOException {
        Path root = temp.resolve("cache");
        Path first;
        try (URLClassLoader jar = jarNatives("a", "v1")) {
            first = new OpenBlasCache(root).install(jar, PLATFORM).orElseThrow();
            assertEquals("libopenblas.so", ElfSoname.read("extracted", Files.readAllBytes(first.resolve("libopenblas.so"))));
        }
        try (URLClassLoader sameContent = jarNatives("b", "v1"); URLClassLoader otherContent = jarNatives("c", "v2")) {
            assertEquals(first, new OpenBlasCache(root).install(sameContent, PLATFORM).orElseThrow());
            Path other = new OpenBlasCache(root).install(otherContent, PLATFORM).orElseThrow();
            assertNotEquals(first, other);
            assertArrayEquals(companion("libgfortran.so.5", "v2"), Files.readAllBytes(other.resolve("libgfortran.so.5")));
        }
    }

    /** A class loader over a jar laid out like the org.bytedeco:openblas jar. */
    private URLClassLoader jarNatives(String name, String version) throws IOException {
        Path jar = temp.resolve(name + ".jar");
        String folder = OpenBlasCache.resourceFolder(PLATFORM);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(folder + "libopenblas.so.0"));
            out.write(TinyElf.sharedObject("libopenblas.so.0", "libgfortran.so.5", "libc.so.6"));
            for (String companion : OpenBlasCache.COMPANIONS) {
                out.putNextEntry(new JarEntry(folder + companion));
                out.write(companion(companion, version));
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    /** A class loader over a folder laid out like the org.bytedeco:openblas jar; {@code version} varies the content. */
    private ClassLoader natives(String version) throws IOException {
        Path classes = temp.resolve("classes-" + version);
        Path folder = Files.createDirectories(classes.resolve(OpenBlasCache.resourceFolder(PLATFORM)));
        Files.write(folder.resolve("libopenblas.so.0"),
                TinyElf.sharedObject("libopenblas.so.0", "libgfortran.so.5", "libc.so.6"));
        for (String companion : OpenBlasCache.COMPANIONS) {
            Files.write(folder.resolve(companion), companion(companion, version));
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    private static byte[] companion(String name, String version) {
        return (name + " " + version).getBytes(StandardCharsets.US_ASCII);
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
