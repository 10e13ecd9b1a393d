package io.github.fmnist.bench.report;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.eval.ClassMetrics;
import io.github.fmnist.api.eval.ConfusedPair;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelRun;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.results.SeedReference;
import io.github.fmnist.bench.results.Throughput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results as a JSON tree: the content of results.json (schema {@value #SCHEMA}, version
 * {@link BenchResults#SCHEMA_VERSION}) and the data embedded in report.html.
 */
public final class ResultsDocument {
    /** The schema name recorded in results.json. */
    public static final String SCHEMA = "fmnist-bench-results";
    /** How many confused pairs are listed per model. */
    public static final int TOP_CONFUSIONS = 5;

    private ResultsDocument() {
    }

    /** The whole document. */
    public static Map<String, Object> tree(BenchResults r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("schemaVersion", BenchResults.SCHEMA_VERSION);
        root.put("state", r.state().jsonName());
        root.put("profile", r.profile());
        root.put("seed", r.seed());
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("description", r.dataset().description());
        dataset.put("source", r.dataset().source());
        dataset.put("sha256", new TreeMap<>(r.dataset().sha256()));
        root.put("dataset", dataset);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("train", r.split().train());
        split.put("validation", r.split().validation());
        split.put("test", r.split().test());
        split.put("description", r.split().description());
        root.put("split", split);
        root.put("environment", environment(r.environment()));
        root.put("classNames", FashionClass.displayNames());
        root.put("seedReportedAccuracy", new LinkedHashMap<>(SeedReference.all()));
        root.put("seedReportedShirtF1", SeedReference.SHIRT_F1);
        List<Object> models = new ArrayList<>();
        for (ModelOutcome m : r.models()) {
            models.add(model(m));
        }
        root.put("models", models);
        List<Object> gallery = new ArrayList<>();
        for (GalleryInfo g : r.gallery()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model", g.modelId());
            entry.put("explainer", g.explainer());
            entry.put("gallery", g.galleryPng());
            entry.put("figures", g.figures());
            gallery.add(entry);
        }
        root.put("gallery", gallery);
        return root;
    }

    private static Map<String, Object> environment(BenchResults.EnvironmentInfo e) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("fmnistVersion", e.fmnistVersion());
        env.put("java", e.java());
        env.put("os", e.os());
        env.put("processors", e.processors());
        env.put("ompNumThreads", e.ompThreads());
        env.put("jobs", e.jobs());
        env.put("startedAt", e.startedAt().toString());
        env.put("elapsedSeconds", e.elapsedSeconds());
        return env;
    }

    private static Map<String, Object> model(ModelOutcome outcome) {
        ModelRun run = outcome.run();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.modelId());
        m.put("displayName", run.displayName());
        m.put("family", run.family());
        m.put("status", outcome.status().jsonName());
        switch (outcome) {
            case ModelOutcome.Partial p -> m.put("message", p.reason());
            case ModelOutcome.Failed f -> m.put("message", f.error());
            case ModelOutcome.Skipped s -> m.put("message", s.reason());
            case ModelOutcome.Completed c -> { }
        }
        m.put("seedReportedAccuracy", SeedReference.accuracy(run.modelId()).orElse(null));
        m.put("preset", run.preset());
        m.put("hyperparameters", new TreeMap<>(run.hyperparameters()));
        m.put("trainSeconds", run.trainSeconds());
        List<Object> epochs = new ArrayList<>();
        for (EpochMetrics e : run.curves()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.epoch());
            row.put("trainLoss", e.trainLoss());
            row.put("trainAccuracy", e.trainAccuracy());
            row.put("validationLoss", e.validationLoss());
            row.put("validationAccuracy", e.validationAccuracy());
            row.put("seconds", e.elapsed().toMillis() / 1000.0);
            epochs.add(row);
        }
        m.put("epochs", epochs);
        outcome.completed().ifPresent(c -> completed(m, c));
        return m;
    }

    private static void completed(Map<String, Object> m, ModelOutcome.Completed c) {
        Evaluation e = c.evaluation();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("testImages", e.size());
        metrics.put("accuracy", e.accuracy());
        metrics.put("macroPrecision", e.macroAverage().precision());
        metrics.put("macroRecall", e.macroAverage().recall());
        metrics.put("macroF1", e.macroAverage().f1());
        metrics.put("weightedF1", e.weightedAverage().f1());
        metrics.put("logLoss", e.logLoss());
        m.put("metrics", metrics);
        m.put("perClass", perClassJson(e));
        m.put("confusionMatrix", confusionMatrixJson(e));
        List<Object> confusions = new ArrayList<>();
        for (ConfusedPair p : e.topConfusions(TOP_CONFUSIONS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("true", p.actual().displayName());
            row.put("predicted", p.predicted().displayName());
            row.put("count", p.count());
            row.put("rateOfTrue", p.rateOfTrue());
            confusions.add(row);
        }
        m.put("topConfusions", confusions);
        m.put("upperBodyConfusions", UpperBodyConfusions.json(e));
        List<Object> throughput = new ArrayList<>();
        for (Throughput t : c.throughput()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("runtime", t.runtime());
            row.put("batchSize", t.batchSize());
            row.put("images", t.images());
            row.put("imagesPerSecond", t.imagesPerSecond());
            throughput.add(row);
        }
        m.put("throughput", throughput);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("file", c.bundleFile());
        bundle.put("bytes", c.bundleBytes());
        m.put("bundle", bundle);
        if (c.onnx().isPresent()) {
            OnnxCheck o = c.onnx().get();
            Map<String, Object> onnx = new LinkedHashMap<>();
            onnx.put("file", o.file());
            onnx.put("bytes", o.fileBytes());
            onnx.put("executionProvider", o.executionProvider());
            onnx.put("accuracy", o.accuracy());
            onnx.put("agreement", o.agreement());
            onnx.put("maxAbsProbabilityDifference", o.maxAbsDifference());
            o.int8().ifPresent(i -> {
                Map<String, Object> int8 = new LinkedHashMap<>();
                int8.put("file", i.file());
                int8.put("bytes", i.fileBytes());
                int8.put("accuracy", i.accuracy());
                int8.put("agreementWithFloat", i.agreementWithFloat());
                int8.put("calibrationImages", i.calibrationImages());
                int8.put("calibrationMethod", i.calibrationMethod());
                onnx.put("int8", int8);
            });
            m.put("onnx", onnx);
        }
    }

    /** Precision, recall, F1 and support of each class, as JSON-ready rows. */
    public static List<Object> perClassJson(Evaluation e) {
        List<Object> perClass = new ArrayList<>();
        for (ClassMetrics cm : e.perClass()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", cm.fashionClass().displayName());
            row.put("precision", cm.precision());
            row.put("recall", cm.recall());
            row.put("f1", cm.f1());
            row.put("support", cm.support());
            perClass.add(row);
        }
        return perClass;
    }

    /** The confusion matrix's rows (true classes) as JSON-ready arrays. */
    public static List<Object> confusionMatrixJson(Evaluation e) {
        return Arrays.stream(e.confusionMatrix().counts()).map(row -> (Object) row).toList();
    }
}
