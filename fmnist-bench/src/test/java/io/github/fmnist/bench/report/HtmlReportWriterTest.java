package io.github.fmnist.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.BenchResults.DatasetInfo;
import io.github.fmnist.bench.results.BenchResults.EnvironmentInfo;
import io.github.fmnist.bench.results.BenchResults.SplitInfo;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
    private static BenchResults results(BenchResults.RunState state, List<ModelOutcome> models) {
        return new BenchResults("quick", 1L, new DatasetInfo("Fashion-MNIST", "/data", Map.of("f", "abc")),
                new SplitInfo(9000, 1000, 10000, "a split"),
                new EnvironmentInfo("0.1.0", "25", "Linux amd64", 2, "1", 2, Instant.parse("2026-11-22T00:00:00Z"), 12.0),
                models, List.of(), state);
    }

    @Test
    void unfinishedRunsSayWhichModelsAreMissingAndEscapeMessages() {
        ModelRun run = ModelRun.notStarted("cnn", "CNN <b>", "deep");
        String html = HtmlReportWriter.render(results(BenchResults.RunState.INTERRUPTED, List.of(
                new ModelOutcome.Partial(run, "interrupted during training: <script>alert(1)</script>"),
                new ModelOutcome.Skipped(ModelRun.notStarted("knn", "knn", ""), "not run"))));
        assertTrue(html.contains("This run is <b>interrupted</b>"), html);
        assertTrue(html.contains("class=\"status-partial\""));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<script>alert(1)"), "messages are escaped in HTML");
        assertFalse(html.contains("</script>alert"), "and in the embedded JSON");
        assertTrue(html.contains("No explanation gallery"));
        assertTrue(html.contains("Up to 2 models trained at the same time (--jobs 2), each on OMP_NUM_THREADS=1"), html);
    }

    @Test
    void theSameResultsGiveTheSamePage() {
        BenchResults r = results(BenchResults.RunState.FINISHED, List.of());
        assertEquals(HtmlReportWriter.render(r), HtmlReportWriter.render(r));
        assertFalse(HtmlReportWriter.render(r).contains("banner\">This run"), "no banner for a finished run");
    }
}
