package io.github.fmnist.api.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared extraction (its races and repairs are covered by fmnist-classic's OpenBlasCacheTest). */
class NativeCacheTest {
    private static final String FOLDER = "natives/linux-test/";

    @TempDir
    Path temp;

    @Test
    void findAllTakesEveryFileOfTheFolderInAJarButNotItsSubfolders() throws IOException {
        try (URLClassLoader loader = jar("a.jar", "v1")) {
            ClassPathFiles files = ClassPathFiles.findAll(loader, FOLDER, "libmain.so", "1").orElseThrow();
            assertEquals(List.of("libmain.so", "libother.so", "libthird.so"), List.copyOf(files.sizes().keySet()));

            Path folder = new NativeCache(temp.resolve("cache")).install("main-1.0-linux-test", files, List.of());

            assertTrue(folder.getFileName().toString().matches("main-1\\.0-linux-test-[0-9a-f]{16}"), folder.toString());
            assertArrayEquals(bytes("libother.so", "v1"), Files.readAllBytes(folder.resolve("libother.so")));
            try (Stream<Path> entries = Files.list(folder)) {
                assertEquals(3, entries.count());
            }
        }
    }

    @Test
    void findAllInAFolderOfTheClassPath() throws IOException {
        Path classes = temp.resolve("classes");
        Path folder = Files.createDirectories(classes.resolve(FOLDER));
        Files.write(folder.resolve("libmain.so"), bytes("libmain.so", "v1"));
        Files.write(folder.resolve("libz.so"), bytes("libz.so", "v1"));
        Files.createDirectories(folder.resolve("debug"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            ClassPathFiles files = ClassPathFiles.findAll(loader, FOLDER, "libmain.so", "1").orElseThrow();
            assertEquals(Map.of("libmain.so", 13L, "libz.so", 10L), files.sizes());
        }
    }

    @Test
    void theLayoutVersionChangesTheFingerprint() throws IOException {
        try (URLClassLoader loader = jar("b.jar", "v1")) {
            String one = ClassPathFiles.findAll(loader, FOLDER, "libmain.so", "1").orElseThrow().fingerprint();
            String two = ClassPathFiles.findAll(loader, FOLDER, "libmain.so", "2").orElseThrow().fingerprint();
            assertTrue(!one.equals(two), one);
        }
    }

    @Test
    void aPatchThatChangesTheSizeIsRefusedAndLeavesNothing() throws IOException {
        Path root = temp.resolve("cache");
        try (URLClassLoader loader = jar("c.jar", "v1")) {
            ClassPathFiles files = ClassPathFiles.findAll(loader, FOLDER, "libmain.so", "1").orElseThrow();
            NativeCache.Rewrite longer = new NativeCache.Rewrite("libmain.so", "libmain.so", (source, b) -> new byte[b.length + 1]);
            IOException e = assertThrows(IOException.class, () -> new NativeCache(root).install("main", files, List.of(longer)));
            assertTrue(e.getMessage().contains(FOLDER + "libmain.so"), e.getMessage());
        }
        try (Stream<Path> entries = Files.list(root)) {
            assertEquals(List.of(), entries.toList());
        }
    }

    @Test
    void rootIsThePropertyOrTheUsersCache() {
        assertEquals(Path.of("/somewhere"), NativeCache.root(Map.of(NativeCache.CACHE_DIR_PROPERTY, "/somewhere", "user.home", "/home/u")::get));
        assertEquals(Path.of("/home/u/.cache/fmnist/native"), NativeCache.root(Map.of("user.home", "/home/u")::get));
    }

    private URLClassLoader jar(String name, String version) throws IOException {
        Path jar = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String file : List.of("libmain.so", "libother.so", "libthird.so", "debug/libmain.so.dbg")) {
                out.putNextEntry(new JarEntry(FOLDER + file));
                out.write(bytes(file, version));
            }
            out.putNextEntry(new JarEntry("natives/elsewhere/libnot.so"));
            out.write(bytes("libnot.so", version));
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    private static byte[] bytes(String name, String version) {
        return (name + " " + version).getBytes(StandardCharsets.US_ASCII);
    }
}
