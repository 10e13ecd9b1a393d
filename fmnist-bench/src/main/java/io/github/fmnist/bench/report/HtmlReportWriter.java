package io.github.fmnist.bench.report;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.eval.ConfusedPair;
import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.results.SeedReference;
import io.github.fmnist.bench.results.Throughput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes report.html, which works offline: Plotly.js is copied beside it ({@link PlotlyAsset}), the results
 * are embedded as JSON, and the charts (accuracy against the seed study, loss and accuracy curves, confusion
 * matrices, per-class F1) are drawn by a small script; tables and figures are plain HTML.
 */
public final class HtmlReportWriter implements ReportWriter {
    /** The file name. */
    public static final String FILE = "report.html";

    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    @Override
    public void write(BenchResults results, Path outputDirectory) throws IOException {
        PlotlyAsset.copyTo(outputDirectory);
        AtomicFile.writeString(outputDirectory.resolve(FILE), render(results));
    }

    /** The page's HTML. */
    static String render(BenchResults r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>fmnist bench report: ").append(esc(r.profile())).append(" profile</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n")
                // Records script errors and console errors from the start, so a headless check can read them.
                .append("<script>window.fmnistErrors=[];window.addEventListener('error',function(e){window.fmnistErrors.push(String(e.message));")
                .append("document.documentElement.setAttribute('data-report-errors',window.fmnistErrors.join(' | '));});")
                .append("(function(){var o=console.error;console.error=function(){window.fmnistErrors.push(Array.prototype.join.call(arguments,' '));")
                .append("document.documentElement.setAttribute('data-report-errors',window.fmnistErrors.join(' | '));return o.apply(console,arguments);};})();</script>\n")
                .append("<script src=\"").append(PlotlyAsset.FILE).append("\"></script>\n</head>\n<body>\n");
        h.append("<h1>Fashion-MNIST: seven models compared</h1>\n");
        h.append("<p class=\"note\">Profile <b>").append(esc(r.profile())).append("</b>, seed ").append(r.seed())
                .append(". ").append(esc(r.split().description())).append(". Data: ").append(esc(r.dataset().description()))
                .append(" from <code>").append(esc(r.dataset().source())).append("</code>. fmnist ")
                .append(esc(r.environment().fmnistVersion())).append(", Java ").append(esc(r.environment().java()))
                .append(", ").append(esc(r.environment().os())).append(", ").append(r.environment().processors())
                .append(" processors, OMP_NUM_THREADS=").append(esc(r.environment().ompThreads())).append(", started ")
                .append(esc(r.environment().startedAt().toString()))
                .append(String.format(Locale.ROOT, ", %.0f s so far.", r.environment().elapsedSeconds())).append("</p>\n");
        h.append("<p class=\"note\" id=\"concurrency\">").append(esc(concurrencyNote(r))).append("</p>\n");
        if (r.state() != BenchResults.RunState.FINISHED) {
            h.append("<p class=\"banner\">This run is <b>").append(r.state().jsonName())
                    .append("</b>: only the models marked complete have results.</p>\n");
        }
        h.append("<p id=\"plotly-missing\" class=\"banner\" style=\"display:none\">The charts need <code>plotly.js</code> ")
                .append("beside this file; it is missing.</p>\n");
        summary(h, r);
        h.append("<h2>Accuracy</h2>\n<div id=\"accuracy-chart\" class=\"chart\"></div>\n")
                .append("<p class=\"note\">Grey: the test accuracy the seed study reported (ResNet 91, CNN 91, RF 89, SVM 87, ")
                .append("MLP 85, LR 83 %); k-NN has no seed figure.</p>\n");
        h.append("<h2>Training curves</h2>\n<p id=\"curves-none\" class=\"note\" style=\"display:none\">No model reported ")
                .append("per-epoch metrics.</p>\n<div class=\"grid\"><div id=\"loss-chart\" class=\"chart\"></div>")
                .append("<div id=\"accuracy-curves-chart\" class=\"chart\"></div></div>\n");
        h.append("<h2>Confusion matrices</h2>\n<div class=\"grid\">");
        for (ModelOutcome.Completed c : r.completed()) {
            h.append("<div id=\"confusion-").append(esc(c.modelId())).append("\" class=\"chart\"></div>");
        }
        h.append("</div>\n<p class=\"note\">PNG versions: ");
        for (ModelOutcome.Completed c : r.completed()) {
            String png = ConfusionMatrixFigureWriter.relativePath(c.modelId());
            h.append("<a href=\"").append(esc(png)).append("\">").append(esc(c.modelId())).append("</a> ");
        }
        h.append("</p>\n<h2>Per-class F1</h2>\n<div id=\"f1-heatmap\" class=\"chart\"></div>\n");
        confusions(h, r);
        upperBody(h, r);
        timing(h, r);
        gallery(h, r);
        h.append("<script type=\"application/json\" id=\"fmnist-results\">")
                .append(Json.compact(ResultsDocument.tree(r))).append("</script>\n");
        h.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, BenchResults r) {
        h.append("<h2>Summary</h2>\n<table id=\"summary\"><tr>");
        for (String head : SummaryTable.HEADER) {
            h.append("<th>").append(esc(head)).append("</th>");
        }
        h.append("</tr>\n");
        List<List<String>> rows = SummaryTable.rows(r, false);
        for (int i = 0; i < rows.size(); i++) {
            ModelOutcome m = r.models().get(i);
            h.append("<tr>");
            List<String> row = rows.get(i);
            for (int c = 0; c < row.size(); c++) {
                String cls = c == 2 ? " class=\"status-" + m.status().jsonName() + "\"" : c > 2 ? " class=\"num\"" : "";
                String title = c == 2 ? message(m) : "";
                h.append("<td").append(cls).append(title.isEmpty() ? "" : " title=\"" + esc(title) + "\"").append('>')
                        .append(esc(row.get(c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        for (ModelOutcome m : r.models()) {
            String message = message(m);
            if (!message.isEmpty()) {
                h.append("<p class=\"note\"><b>").append(esc(m.modelId())).append("</b> ").append(esc(m.status().jsonName()))
                        .append(": ").append(esc(message)).append("</p>\n");
            }
        }
    }

    private static String message(ModelOutcome m) {
        return switch (m) {
            case ModelOutcome.Partial p -> p.reason();
            case ModelOutcome.Failed f -> f.error();
            case ModelOutcome.Skipped s -> s.reason();
            case ModelOutcome.Completed c -> "";
        };
    }

    private static void confusions(StringBuilder h, BenchResults r) {
        h.append("<h2>Top confusions</h2>\n<table id=\"top-confusions\"><tr><th>model</th><th>true class</th>")
                .append("<th>predicted as</th><th>images</th><th>share of the true class</th></tr>\n");
        for (ModelOutcome.Completed c : r.completed()) {
            for (ConfusedPair p : c.evaluation().topConfusions(ResultsDocument.TOP_CONFUSIONS)) {
                h.append("<tr><td>").append(esc(c.modelId())).append("</td><td>").append(esc(p.actual().displayName()))
                        .append("</td><td>").append(esc(p.predicted().displayName())).append("</td><td class=\"num\">")
                        .append(p.count()).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f%%", 100 * p.rateOfTrue())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void upperBody(StringBuilder h, BenchResults r) {
        h.append("<h2>T-shirt/top, Shirt, Pullover, Coat</h2>\n<p class=\"note\">The seed's open question: test images of ")
                .append("one of these four classes predicted as another (true → predicted), and Shirt's F1 beside the ")
                .append(String.format(Locale.ROOT, "seed's %.2f.", SeedReference.SHIRT_F1)).append("</p>\n")
                .append("<table id=\"upper-body\"><tr><th>model</th><th>Shirt F1</th><th>seed Shirt F1</th>");
        for (FashionClass[] pair : UpperBodyConfusions.pairs()) {
            h.append("<th>").append(esc(UpperBodyConfusions.label(pair))).append("</th>");
        }
        h.append("<th>all four</th></tr>\n");
        for (ModelOutcome.Completed c : r.completed()) {
            h.append("<tr><td>").append(esc(c.modelId())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.4f", UpperBodyConfusions.shirtF1(c.evaluation())))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", SeedReference.SHIRT_F1))
                    .append("</td>");
            for (FashionClass[] pair : UpperBodyConfusions.pairs()) {
                h.append("<td class=\"num\">").append(c.evaluation().confusionMatrix().count(pair[0], pair[1])).append("</td>");
            }
            h.append("<td class=\"num\">").append(UpperBodyConfusions.total(c.evaluation())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void timing(StringBuilder h, BenchResults r) {
        h.append("<h2>Timing and throughput</h2>\n<table id=\"timing\"><tr><th>model</th><th>training (s)</th>")
                .append("<th>runtime</th><th>batch</th><th>images</th><th>images/s</th><th>file</th><th>size (MB)</th>")
                .append("<th>test accuracy</th></tr>\n");
        for (ModelOutcome.Completed c : r.completed()) {
            for (Throughput t : c.throughput()) {
                boolean int8 = t.runtime().equals(Throughput.ONNX_RUNTIME_INT8);
                boolean onnx = int8 || t.runtime().equals(Throughput.ONNX_RUNTIME);
                OnnxCheck check = onnx ? c.onnx().orElse(null) : null;
                OnnxCheck.Int8 quantised = int8 && check != null ? check.int8().orElse(null) : null;
                String file = int8 ? (quantised == null ? "" : quantised.file())
                        : onnx ? (check == null ? "" : check.file()) : c.bundleFile();
                long bytes = int8 ? (quantised == null ? 0 : quantised.fileBytes())
                        : onnx ? (check == null ? 0 : check.fileBytes()) : c.bundleBytes();
                double accuracy = int8 ? (quantised == null ? Double.NaN : quantised.accuracy())
                        : onnx ? (check == null ? Double.NaN : check.accuracy()) : c.evaluation().accuracy();
                h.append("<tr><td>").append(esc(c.modelId())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f", c.run().trainSeconds())).append("</td><td>")
                        .append(esc(onnx ? "ONNX Runtime" + (int8 ? " int8" : "") + (check == null ? "" : " (" + check.executionProvider() + ")")
                                : c.run().family() + " (plugin's own)"))
                        .append("</td><td class=\"num\">").append(t.batchSize()).append("</td><td class=\"num\">")
                        .append(t.images()).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.0f", t.imagesPerSecond())).append("</td><td><a href=\"")
                        .append(esc(file)).append("\">").append(esc(file)).append("</a></td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.2f", bytes / 1e6)).append("</td><td class=\"num\">")
                        .append(Double.isNaN(accuracy) ? "" : String.format(Locale.ROOT, "%.4f", accuracy)).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        for (ModelOutcome.Completed c : r.completed()) {
            c.onnx().ifPresent(o -> h.append("<p class=\"note\">").append(esc(c.modelId()))
                    .append(String.format(Locale.ROOT, ": ONNX Runtime and the plugin agree on %.2f%% of the test images; "
                            + "largest probability difference %.2e.", 100 * o.agreement(), o.maxAbsDifference()))
                    .append(o.int8().map(i -> String.format(Locale.ROOT, " Its int8 export (calibrated, %s, on %d training "
                            + "images) predicts the same class as the float export on %.2f%% of them.", i.calibrationMethod(),
                            i.calibrationImages(), 100 * i.agreementWithFloat())).orElse(""))
                    .append("</p>\n"));
        }
    }

    private static void gallery(StringBuilder h, BenchResults r) {
        h.append("<h2>Explanations</h2>\n");
        if (r.gallery().isEmpty()) {
            h.append("<p class=\"note\">No explanation gallery in this run (it needs the gallery model, by default ")
                    .append("<code>cnn</code>, and the <code>gradcam</code> explainer).</p>\n");
            return;
        }
        for (GalleryInfo g : r.gallery()) {
            h.append("<p class=\"note\">").append(esc(g.explainer())).append(" on <b>").append(esc(g.modelId()))
                    .append("</b>: original | heatmap (bright yellow/red = most influential) | overlay, for a correct ")
                    .append("and a wrong prediction per class; titles show the predicted and the true class.</p>\n")
                    .append("<div class=\"gallery\"><img id=\"gallery-").append(esc(g.modelId())).append("\" src=\"")
                    .append(esc(g.galleryPng())).append("\" alt=\"").append(esc(g.explainer())).append(" gallery\"></div>\n")
                    .append("<div class=\"figures\">");
            for (String f : g.figures()) {
                h.append("<a href=\"").append(esc(f)).append("\"><img src=\"").append(esc(f)).append("\" alt=\"")
                        .append(esc(f)).append("\"></a>");
            }
            h.append("</div>\n");
        }
    }

    /** How the timings were taken; shared with summary.md. */
    static String concurrencyNote(BenchResults r) {
        int jobs = r.environment().jobs();
        return (jobs == 1 ? "Models trained one at a time (--jobs 1)"
                : "Up to " + jobs + " models trained at the same time (--jobs " + jobs + "), each on OMP_NUM_THREADS="
                + r.environment().ompThreads() + " native threads; training times are each model's own wall time under that concurrency")
                + ". Inference throughput was measured afterwards, one model at a time, with no training running.";
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
