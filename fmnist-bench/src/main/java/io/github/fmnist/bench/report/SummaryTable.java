package io.github.fmnist.bench.report;

import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.results.SeedReference;
import io.github.fmnist.bench.results.Throughput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One row per model with the headline numbers, shared by results.csv, summary.md and report.html. */
final class SummaryTable {
    static final List<String> HEADER = List.of("model", "name", "status", "accuracy", "seed accuracy", "macro F1",
            "log-loss", "train s", "img/s batch 256", "img/s batch 1", "ONNX img/s batch 256", "ONNX img/s batch 1",
            "int8 accuracy", "int8 top-1 = float", "int8 img/s batch 256", "int8 img/s batch 1", "bundle MB");
    static final List<String> CSV_HEADER = List.of("model", "name", "status", "accuracy", "seed_accuracy", "macro_f1",
            "log_loss", "train_seconds", "images_per_second_batch256", "images_per_second_batch1",
            "onnx_images_per_second_batch256", "onnx_images_per_second_batch1", "int8_accuracy", "int8_agreement_with_float",
            "int8_images_per_second_batch256", "int8_images_per_second_batch1", "bundle_bytes");

    private SummaryTable() {
    }

    /** Rows of formatted cells; {@code raw} keeps full precision for machines (CSV). */
    static List<List<String>> rows(BenchResults results, boolean raw) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelOutcome m : results.models()) {
            List<String> row = new ArrayList<>();
            row.add(m.modelId());
            row.add(m.run().displayName());
            row.add(m.status().jsonName());
            Optional<ModelOutcome.Completed> c = m.completed();
            row.add(c.map(x -> number(x.evaluation().accuracy(), raw, 4)).orElse(""));
            row.add(SeedReference.accuracy(m.modelId()).map(a -> number(a, raw, 2)).orElse(""));
            row.add(c.map(x -> number(x.evaluation().macroAverage().f1(), raw, 4)).orElse(""));
            row.add(c.map(x -> number(x.evaluation().logLoss(), raw, 4)).orElse(""));
            row.add(m.run().trainSeconds() > 0 ? number(m.run().trainSeconds(), raw, 1) : "");
            row.add(c.flatMap(x -> throughput(x, Throughput.NATIVE, false)).map(t -> number(t, raw, 0)).orElse(""));
            row.add(c.flatMap(x -> throughput(x, Throughput.NATIVE, true)).map(t -> number(t, raw, 0)).orElse(""));
            row.add(c.flatMap(x -> throughput(x, Throughput.ONNX_RUNTIME, false)).map(t -> number(t, raw, 0)).orElse(""));
            row.add(c.flatMap(x -> throughput(x, Throughput.ONNX_RUNTIME, true)).map(t -> number(t, raw, 0)).orElse(""));
            Optional<OnnxCheck.Int8> int8 = c.flatMap(ModelOutcome.Completed::onnx).flatMap(OnnxCheck::int8);
            row.add(int8.map(i -> number(i.accuracy(), raw, 4)).orElse(""));
            row.add(int8.map(i -> raw ? Double.toString(i.agreementWithFloat())
                    : String.format(Locale.ROOT, "%.2f%%", 100 * i.agreementWithFloat())).orElse(""));
            row.add(c.flatMap(x -> throughput(x, Throughput.ONNX_RUNTIME_INT8, false)).map(t -> number(t, raw, 0)).orElse(""));
            row.add(c.flatMap(x -> throughput(x, Throughput.ONNX_RUNTIME_INT8, true)).map(t -> number(t, raw, 0)).orElse(""));
            row.add(c.map(x -> raw ? Long.toString(x.bundleBytes())
                    : String.format(Locale.ROOT, "%.2f", x.bundleBytes() / 1e6)).orElse(""));
            rows.add(row);
        }
        return rows;
    }

    static Optional<Double> throughput(ModelOutcome.Completed c, String runtime, boolean single) {
        return c.throughput().stream()
                .filter(t -> t.runtime().equals(runtime) && (t.batchSize() == 1) == single)
                .map(Throughput::imagesPerSecond)
                .findFirst();
    }

    private static String number(double v, boolean raw, int digits) {
        return raw ? Double.toString(v) : String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
