package io.github.fmnist.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelStatus;
import io.github.fmnist.bench.results.Throughput;
import io.github.fmnist.bench.toy.SyntheticBench;
import io.github.fmnist.bench.toy.SyntheticDataSource;
import io.github.fmnist.bench.toy.ToyFailingProvider;
import io.github.fmnist.bench.toy.ToyInterruptingProvider;
import io.github.fmnist.bench.toy.ToyCentroidProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchRunnerTest {
    @TempDir
    Path out;

    @AfterEach
    void resetInterruption() {
        ToyInterruptingProvider.onSecondEpoch = () -> { };
    }

    @Test
    void aCombinedRowWithoutItsMembersInTheRunIsSkippedSayingWhich() throws Exception {
        SyntheticBench bench = new SyntheticBench();
        BenchResults results = bench.run(SyntheticBench.settings(out, List.of(ToyCentroidProvider.ID, "ensemble", "hybrid"),
                ToyCentroidProvider.ID, "occlusion"), new Cancellation());
        assertEquals(BenchResults.RunState.FINISHED, results.state());
        assertInstanceOf(ModelOutcome.Completed.class, results.models().get(0));
        ModelOutcome.Skipped ensemble = assertInstanceOf(ModelOutcome.Skipped.class, results.models().get(1));
        assertEquals("ensemble", ensemble.modelId());
        assertTrue(ensemble.reason().contains("add cnn to --models"), ensemble.reason());
        ModelOutcome.Skipped hybrid = assertInstanceOf(ModelOutcome.Skipped.class, results.models().get(2));
        assertTrue(hybrid.reason().contains("add resnet to --models"), hybrid.reason());
    }

    @Test
    void runsTheWholePipelineAndWritesEveryOutput() throws Exception {
        SyntheticBench bench = new SyntheticBench();
        BenchResults results = bench.run(SyntheticBench.settings(out, List.of(ToyCentroidProvider.ID, "no-such-plugin"),
                ToyCentroidProvider.ID, "occlusion"), new Cancellation());

        assertEquals(BenchResults.RunState.FINISHED, results.state());
        ModelOutcome.Completed toy = assertInstanceOf(ModelOutcome.Completed.class, results.models().get(0));
        assertEquals("quick", toy.run().preset(), "the profile's preset is used when the provider declares it");
        assertEquals("4", toy.run().hyperparameters().get("epochs"));
        assertEquals(4, toy.run().curves().size(), "per-epoch metrics are collected from the trainer's events");
        assertEquals(SyntheticBench.TEST, toy.evaluation().size());
        assertTrue(toy.evaluation().accuracy() > 0.5, "nearest centroid separates the synthetic classes: " + toy.evaluation().accuracy());

        assertEquals(1, results.gallery().size(), "the explanation gallery of the gallery model");
        var gallery = results.gallery().get(0);
        assertEquals("occlusion", gallery.explainer());
        assertTrue(Files.size(out.resolve(gallery.galleryPng())) > 0);
        assertTrue(gallery.figures().size() >= 10, "a correct and maybe a wrong example per class: " + gallery.figures());
        for (String figure : gallery.figures()) {
            assertTrue(Files.size(out.resolve(figure)) > 0, figure);
        }

        ModelOutcome absent = results.models().get(1);
        assertEquals(ModelStatus.SKIPPED, absent.status(), "an absent plugin is skipped, not fatal");

        for (String file : List.of("results.json", "results.csv", "summary.md", "report.html", "plotly.js",
                "figures/confusion-toy-centroid.png", "models/toy-centroid.fmnist", "models/toy-centroid.onnx")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        try (var files = Files.list(out)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }

        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"schemaVersion\": 2"), json);
        assertTrue(json.contains("\"state\": \"finished\""));
        assertTrue(json.contains("\"status\": \"skipped\""));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
        assertEquals(3, csv.size(), "header and one row per model");
        assertTrue(csv.get(1).startsWith("toy-centroid,"));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| toy-centroid |"));
    }

    @Test
    void savedBundleReproducesTheReportedAccuracyAndOnnxAgrees() throws Exception {
        BenchResults results = new SyntheticBench().run(SyntheticBench.settings(out, List.of(ToyCentroidProvider.ID),
                ToyCentroidProvider.ID, "occlusion"), new Cancellation());
        ModelOutcome.Completed toy = results.completed().get(0);

        ModelBundle bundle = ModelBundle.read(out.resolve(toy.bundleFile()));
        assertEquals(7L, bundle.manifest().provenance().seed());
        assertEquals(4, bundle.manifest().provenance().epochs());
        assertEquals(toy.evaluation().accuracy(), bundle.manifest().metrics().get("test.accuracy"), 1e-12);
        try (Classifier again = PluginRegistry.discover().loadClassifier(out.resolve(toy.bundleFile()))) {
            var test = new SyntheticDataSource(SyntheticBench.TRAIN, SyntheticBench.TEST).load().test();
            assertEquals(toy.evaluation().accuracy(), Evaluation.of(again, test).accuracy(), 1e-12);
        }

        var onnx = toy.onnx().orElseThrow(() -> new AssertionError("the network was not exported"));
        assertEquals(1.0, onnx.agreement(), "ONNX Runtime predicts the same classes");
        assertTrue(onnx.maxAbsDifference() < 1e-4, "probabilities match: " + onnx.maxAbsDifference());
        assertEquals(toy.evaluation().accuracy(), onnx.accuracy(), 1e-12);
        assertTrue(toy.throughput().stream().anyMatch(t -> t.runtime().equals(Throughput.ONNX_RUNTIME) && t.batchSize() == 1));
        assertTrue(toy.throughput().stream().anyMatch(t -> t.runtime().equals(Throughput.NATIVE) && t.imagesPerSecond() > 0));

        var int8 = onnx.int8().orElseThrow(() -> new AssertionError("no int8 export"));
        assertTrue(Files.size(out.resolve(int8.file())) == int8.fileBytes() && int8.file().endsWith("-int8.onnx"), int8.toString());
        assertTrue(int8.agreementWithFloat() >= 0.9, "int8 mostly agrees with float: " + int8);
        assertTrue(int8.calibrationImages() > 0 && int8.accuracy() > 0, int8.toString());
        for (int batch : new int[] {1, InferenceMeter.BATCH}) {
            assertTrue(toy.throughput().stream().anyMatch(t -> t.runtime().equals(Throughput.ONNX_RUNTIME_INT8)
                    && t.batchSize() == batch && t.imagesPerSecond() > 0), "int8 throughput at batch " + batch);
        }
        String csv = Files.readString(out.resolve("results.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("int8_images_per_second_batch256"), csv);
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"agreementWithFloat\""));
    }

    @Test
    void aFailingModelIsRecordedAndTheOthersStillRun() throws Exception {
        BenchResults results = new SyntheticBench().run(SyntheticBench.settings(out,
                List.of(ToyFailingProvider.ID, ToyCentroidProvider.ID), "none", "occlusion"), new Cancellation());
        assertEquals(List.of(ModelStatus.FAILED, ModelStatus.COMPLETE), results.models().stream().map(ModelOutcome::status).toList());
        assertTrue(Files.readString(out.resolve("results.json")).contains("simulated training failure"));
    }

    @Test
    void interruptionKeepsFinishedModelsAndMarksThePartialOne() throws Exception {
        Cancellation cancellation = new Cancellation();
        ToyInterruptingProvider.onSecondEpoch = cancellation::request;
        BenchResults results = new SyntheticBench().run(SyntheticBench.settings(out,
                List.of(ToyCentroidProvider.ID, ToyInterruptingProvider.ID, "knn"), "none", "occlusion"), cancellation);

        assertEquals(BenchResults.RunState.INTERRUPTED, results.state());
        assertEquals(List.of(ModelStatus.COMPLETE, ModelStatus.PARTIAL, ModelStatus.SKIPPED),
                results.models().stream().map(ModelOutcome::status).toList());
        assertEquals(2, results.models().get(1).run().curves().size(), "the partial model keeps its epochs so far");

        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"state\": \"interrupted\""), json);
        assertTrue(json.contains("\"status\": \"partial\""));
        assertTrue(json.contains("interrupted during training"));
        assertTrue(Files.exists(out.resolve("models/toy-centroid.fmnist")), "the finished model's bundle is kept");
        assertTrue(Files.readString(out.resolve("report.html")).contains("interrupted"));
    }
}
