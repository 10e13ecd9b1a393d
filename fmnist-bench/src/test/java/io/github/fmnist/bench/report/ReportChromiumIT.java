package io.github.fmnist.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.run.Cancellation;
import io.github.fmnist.bench.toy.SyntheticBench;
import io.github.fmnist.bench.toy.ToyCentroidProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report built from a synthetic run in headless Chromium, offline, and checks that Plotly drew every
 * chart and that no script error or console error happened. Skips only when no Chromium is installed
 * (Debian: {@code apt-get install -y chromium}).
 */
class ReportChromiumIT {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private static final String ABSENT = "(absent)";

    @TempDir
    Path out;

    @TempDir
    Path profile;

    @Test
    void chartsRenderOfflineWithoutConsoleErrors() throws Exception {
        Optional<Path> chromium = findChromium();
        assumeTrue(chromium.isPresent(), "Chromium is not installed (apt-get install -y chromium); skipping the report rendering check");

        BenchResults results = new SyntheticBench().run(SyntheticBench.settings(out, List.of(ToyCentroidProvider.ID, "no-such-plugin"),
                ToyCentroidProvider.ID, "occlusion"), new Cancellation());
        assertEquals(1, results.completed().size());
        int expectedCharts = 5; // accuracy, loss curves, accuracy curves, one confusion matrix, per-class F1

        List<String> command = new ArrayList<>(List.of(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=20000", "--dump-dom", out.resolve(HtmlReportWriter.FILE).toUri().toString()));
        Path stdout = out.resolve("chromium-dom.html");
        Path stderr = out.resolve("chromium-log.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean exited = process.waitFor(180, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "Chromium did not finish within 180 s");
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        String log = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "Chromium failed:\n" + log);

        assertEquals(ABSENT, attribute(dom, "data-report-error"), "the report script failed");
        assertEquals(ABSENT, attribute(dom, "data-report-errors"), "script or console errors");
        assertEquals(Integer.toString(expectedCharts), attribute(dom, "data-report-ready"),
                "every chart's Plotly promise resolved\n" + log);
        assertEquals(expectedCharts, count(dom, "js-plotly-plot"), "Plotly built every chart");
        assertTrue(count(dom, "class=\"main-svg\"") >= expectedCharts, "each chart has its SVG");
        assertTrue(dom.contains("class=\"hm\"") || dom.contains("heatmaplayer") || dom.contains("class=\"heatmaplayer"),
                "the heatmaps were drawn");
        assertTrue(dom.contains("Predicted Label") && dom.contains("True Label"), "confusion-matrix axis titles");
        for (String line : log.split("\n")) {
            assertFalse(line.contains("Uncaught"), "uncaught script error: " + line);
            assertFalse(line.contains(":CONSOLE") && line.contains("ERROR"), "console error: " + line);
        }
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : ABSENT;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static Optional<Path> findChromium() {
        String override = System.getenv("CHROMIUM");
        if (override != null && Files.isExecutable(Path.of(override))) {
            return Optional.of(Path.of(override));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> BROWSERS.stream().map(b -> Path.of(dir, b)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
