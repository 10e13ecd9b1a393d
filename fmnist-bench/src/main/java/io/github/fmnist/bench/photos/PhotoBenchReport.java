package io.github.fmnist.bench.photos;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.bench.report.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a photo benchmark's result as {@code photo-bench.md} (a table) and {@code photo-bench.json}. */
public final class PhotoBenchReport {
    /** Every style should keep this share of the clean accuracy (issue 14's goal) ... */
    public static final double GOAL_SHARE = 0.95;
    /** ... and the cluttered style at least this. */
    public static final double CLUTTERED_GOAL_SHARE = 0.90;

    private PhotoBenchReport() {
    }

    /** The markdown table. */
    public static String markdown(PhotoBench.Result result, String model) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Photo benchmark: %d test images per style (seed %d), model %s; "
                + "clean accuracy of the same 28×28 images %.2f %%.%n%n", result.images(), result.seed(), model,
                100.0 * result.cleanCorrect() / result.images()));
        md.append("| style | photo accuracy | clean accuracy | share of clean | goal | no item found | import ms/photo |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (PhotoBench.StyleResult s : result.styles()) {
            double goal = goal(s.style());
            md.append(String.format(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.1f %% | %s %.0f %% | %d | %.1f |%n",
                    s.style().id(), 100 * s.accuracy(), 100 * s.cleanAccuracy(), 100 * s.shareOfClean(),
                    s.shareOfClean() >= goal ? "met" : "missed", 100 * goal, s.noItem(), s.importMillis()));
        }
        md.append("\nStyles:\n\n");
        for (PhotoBench.StyleResult s : result.styles()) {
            md.append("- `").append(s.style().id()).append("`: ").append(s.style().description()).append('\n');
        }
        return md.toString();
    }

    /** The JSON document. */
    public static Map<String, Object> tree(PhotoBench.Result result, String model) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", "fmnist-photo-bench");
        root.put("schemaVersion", 1);
        root.put("model", model);
        root.put("images", result.images());
        root.put("seed", result.seed());
        root.put("cleanAccuracy", (double) result.cleanCorrect() / result.images());
        List<Object> styles = new ArrayList<>();
        for (PhotoBench.StyleResult s : result.styles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("style", s.style().id());
            m.put("description", s.style().description());
            m.put("accuracy", s.accuracy());
            m.put("cleanAccuracy", s.cleanAccuracy());
            m.put("shareOfClean", s.shareOfClean());
            m.put("goal", goal(s.style()));
            m.put("noItemFound", s.noItem());
            m.put("importMillisPerPhoto", s.importMillis());
            styles.add(m);
        }
        root.put("styles", styles);
        return root;
    }

    public static void write(PhotoBench.Result result, String model, Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFile.writeString(folder.resolve("photo-bench.md"), markdown(result, model));
        AtomicFile.writeString(folder.resolve("photo-bench.json"), Json.write(tree(result, model)));
    }

    static double goal(PhotoStyle style) {
        return style == PhotoStyle.CLUTTERED ? CLUTTERED_GOAL_SHARE : GOAL_SHARE;
    }
}
