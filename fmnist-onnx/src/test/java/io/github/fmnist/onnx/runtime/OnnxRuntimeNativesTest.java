package io.github.fmnist.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's natives come from one per-user cache folder; nothing is left in the temporary folder. */
class OnnxRuntimeNativesTest {
    @TempDir
    Path dir;

    @Test
    void freshJvmsLeaveNoTemporaryFolderAndShareOneCacheFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");

        String first = runJvm("fmnist", tmp, cache);
        List<Path> extracted = list(cache);
        String second = runJvm("fmnist", tmp, cache);

        assertTrue(first.contains("probabilities of 10 classes"), first);
        assertEquals(List.of(), list(tmp).stream().filter(p -> p.getFileName().toString().startsWith("onnxruntime-java")).toList(),
                "java.io.tmpdir after two JVMs loaded ONNX Runtime");
        assertEquals(1, extracted.size(), extracted.toString());
        Path folder = extracted.getFirst();
        assertTrue(folder.getFileName().toString().matches("onnxruntime-[0-9.]+-linux-x64-[0-9a-f]{16}"), folder.toString());
        assertTrue(Files.isRegularFile(folder.resolve("libonnxruntime.so")), folder.toString());
        assertTrue(Files.isRegularFile(folder.resolve("libonnxruntime4j_jni.so")), folder.toString());
        assertTrue(first.contains("native path " + folder), first);
        assertTrue(second.contains("native path " + folder), second);
        assertEquals(extracted, list(cache), "the second JVM reuses the folder");
    }

    @Test
    void theCheckSeesTheFolderOnnxRuntimeLeavesOnItsOwn() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String out = runJvm("plain", tmp, dir.resolve("cache"));
        assertTrue(out.contains("ONNX Runtime"), out);
        List<Path> left = list(tmp);
        assertEquals(1, left.stream().filter(p -> p.getFileName().toString().startsWith("onnxruntime-java")).count(),
                () -> "without fmnist's cache ONNX Runtime extracts to java.io.tmpdir: " + left);
    }

    @Test
    void aFolderTheUserNamesIsKept() {
        Map<String, String> set = new HashMap<>();
        Map<String, String> props = Map.of("onnxruntime.native.path", "/opt/ort", "os.name", "Linux", "os.arch", "amd64",
                "user.home", dir.toString());
        String what = OnnxRuntimeNatives.prepare(props::get, getClass().getClassLoader(), set::put);
        assertTrue(what.contains("/opt/ort"), what);
        assertEquals(Map.of(), set);
        assertTrue(Files.notExists(dir.resolve(".cache")), "nothing extracted");
    }

    @Test
    void platformsFollowOnnxRuntimeFolderNames() {
        assertEquals(Optional.of("linux-x64"), OnnxRuntimeNatives.platform("Linux", "amd64"));
        assertEquals(Optional.of("osx-aarch64"), OnnxRuntimeNatives.platform("Mac OS X", "aarch64"));
        assertEquals(Optional.of("win-x64"), OnnxRuntimeNatives.platform("Windows 11", "amd64"));
        assertEquals(Optional.empty(), OnnxRuntimeNatives.platform("Linux", "riscv64"));
    }

    private String runJvm(String mode, Path tmp, Path cache) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // An argument file: ONNX Runtime 1.29 crashed while loading in JVMs with a command line over ~3.7 kB.
        Path args = Files.writeString(dir.resolve("java-" + mode + ".args"), "-cp\n\"" + System.getProperty("java.class.path") + "\"\n");
        Path output = dir.resolve("out-" + mode + ".txt");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx256m", "-Djava.io.tmpdir=" + tmp,
                "-Dfmnist.native.cache.dir=" + cache, "@" + args, OpensOneModel.class.getName(), mode)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = Files.readString(output);
        assertEquals(0, process.exitValue(), text);
        return text;
    }

    private static List<Path> list(Path folder) throws IOException {
        if (Files.notExists(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }
}
