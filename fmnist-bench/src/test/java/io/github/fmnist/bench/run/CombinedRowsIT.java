package io.github.fmnist.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.toy.SyntheticBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline with the real plugins on synthetic data: cnn and resnet (one epoch), then the three combined rows
 * built from their bundles, each evaluated, saved with its members nested, exported to ONNX and checked against
 * ONNX Runtime.
 */
class CombinedRowsIT {
    @TempDir
    Path out;

    @Test
    void ensemblesAndTheHybridAreBuiltFromTheRunsNetworksAndExportAsOneGraph() throws Exception {
        List<String> models = List.of("cnn", "resnet", "ensemble", "ensemble-tta", "hybrid");
        BenchSettings base = SyntheticBench.settings(out, models, "none", "occlusion");
        BenchSettings settings = new BenchSettings(base.profile(), base.seed(), models, out, Map.of(),
                Map.of("cnn", Map.of("epochs", "1", "threads", "1"), "resnet", Map.of("epochs", "1", "threads", "1")),
                "none", "occlusion", true, 2);
        BenchResults results = new SyntheticBench().run(settings, new Cancellation());
        assertEquals(BenchResults.RunState.FINISHED, results.state());
        for (int i = 0; i < models.size(); i++) {
            ModelOutcome.Completed row = assertInstanceOf(ModelOutcome.Completed.class, results.models().get(i),
                    models.get(i) + ": " + results.models().get(i));
            assertEquals(models.get(i), row.modelId());
            OnnxCheck onnx = row.onnx().orElseThrow(() -> new AssertionError(row.modelId() + " has no ONNX check"));
            assertTrue(onnx.agreement() >= 0.999 && onnx.maxAbsDifference() <= 1e-4, row.modelId() + ": " + onnx);
        }
        ModelOutcome.Completed ensemble = (ModelOutcome.Completed) results.models().get(3);
        assertEquals("true", ensemble.run().hyperparameters().get("flip-tta"));
        assertTrue(ensemble.run().hyperparameters().get("members").endsWith("resnet.fmnist"), ensemble.run().hyperparameters().toString());
        ModelBundle bundle = ModelBundle.read(out.resolve("models/ensemble-tta.fmnist"));
        assertEquals("cnn", bundle.readNested("member-0.fmnist").manifest().providerId());
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"upperBodyConfusions\""));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| hybrid |"));
    }
}
