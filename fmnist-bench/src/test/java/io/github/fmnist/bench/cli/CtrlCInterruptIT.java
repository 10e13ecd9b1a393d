package io.github.fmnist.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.bench.toy.SyntheticFmnistMain;
import io.github.fmnist.bench.toy.ToySlowProvider;
import io.github.fmnist.bench.toy.ToyCentroidProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presses Ctrl-C (SIGINT) on a real {@code fmnist bench} process while a model trains, and checks the exit
 * status and that the output folder is consistent: the finished model kept, the interrupted one marked partial.
 * Both models train at the same time ({@code --jobs 2}), so the finished one is kept without its speed measurements.
 */
class CtrlCInterruptIT {
    @TempDir
    Path dir;

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void sigintMarksThePartialModelAndExitsWith130() throws Exception {
        Path out = dir.resolve("bench");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The class path goes in an argument file: ONNX Runtime 1.29 crashed (SIGSEGV) while loading in JVMs whose
        // command line was longer than about 3.7 kB, as a long -cp makes it. The launcher script uses lib/* for the same reason.
        Path argFile = Files.writeString(dir.resolve("java.args"), "-cp\n\"" + System.getProperty("java.class.path") + "\"\n");
        // A shell that starts a job in the background (`cmd &`) makes it ignore SIGINT, and the JVM then never sees
        // Ctrl-C; perl (in every Debian base system) restores the default disposition before starting the bench.
        Process process = new ProcessBuilder("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"",
                java.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-XX:ErrorFile=" + dir.resolve("hs_err.log"), "@" + argFile,
                SyntheticFmnistMain.class.getName(), "bench", "--models", ToyCentroidProvider.ID + "," + ToySlowProvider.ID,
                "--output", out.toString(), "--gallery-model", "none", "--jobs", "2")
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            Path json = out.resolve("results.json");
            Path stderr = dir.resolve("stderr.txt");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Both models start together; wait until the first is trained, evaluated and saved (complete in
            // results.csv) while the slow one is training (its progress line is on stderr).
            Path csv = out.resolve("results.csv");
            while (!Files.readString(stderr).contains(ToySlowProvider.ID + " train")
                    || read(csv).lines().noneMatch(l -> l.startsWith(ToyCentroidProvider.ID + ",") && l.contains(",complete,"))) {
                assertTrue(process.isAlive(), () -> "the bench ended early (exit " + process.exitValue() + "): " + read(stderr)
                        + read(dir.resolve("hs_err.log")));
                assertTrue(System.nanoTime() < deadline, "the first model never finished or the slow one never started");
                Thread.sleep(100);
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the bench did not stop after SIGINT");
        } finally {
            process.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.INTERRUPTED, process.exitValue(), err);
        String results = Files.readString(out.resolve("results.json"));
        assertTrue(results.contains("\"state\": \"interrupted\""), err + results);
        assertTrue(Files.exists(out.resolve("models/" + ToyCentroidProvider.ID + ".fmnist")), "the finished model is kept");
        assertTrue(results.contains("interrupted during training"), results);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.get(1).startsWith(ToyCentroidProvider.ID + ",") && csv.get(1).contains(",complete,"), csv.toString());
        assertTrue(csv.get(2).startsWith(ToySlowProvider.ID + ",") && csv.get(2).contains(",partial,"), csv.toString());
        assertTrue(err.contains("Interrupted"), err);
    }
}
