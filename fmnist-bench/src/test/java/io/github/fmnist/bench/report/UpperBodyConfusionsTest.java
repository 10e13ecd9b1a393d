package io.github.fmnist.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.BenchResults.DatasetInfo;
import io.github.fmnist.bench.results.BenchResults.EnvironmentInfo;
import io.github.fmnist.bench.results.BenchResults.SplitInfo;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpperBodyConfusionsTest {
    /** Ten images: 4 shirts (1 called T-shirt, 1 Coat), 2 T-shirts (1 called Shirt), a pullover called Coat, 3 right. */
    private static Evaluation evaluation() {
        int shirt = FashionClass.SHIRT.label();
        int tshirt = FashionClass.T_SHIRT_TOP.label();
        int coat = FashionClass.COAT.label();
        int pullover = FashionClass.PULLOVER.label();
        int bag = FashionClass.BAG.label();
        int[] truth = {shirt, shirt, shirt, shirt, tshirt, tshirt, pullover, coat, bag, bag};
        int[] predicted = {shirt, shirt, tshirt, coat, tshirt, shirt, coat, coat, bag, bag};
        float[][] p = new float[truth.length][10];
        for (int i = 0; i < truth.length; i++) {
            p[i][predicted[i]] = 1f;
        }
        return Evaluation.of(truth, p);
    }

    @Test
    void theBlockTotalAndShirtF1AreTheConfusionMatrixs() {
        Evaluation e = evaluation();
        Map<String, Object> json = UpperBodyConfusions.json(e);
        assertEquals(List.of("T-shirt/top", "Pullover", "Coat", "Shirt"), json.get("classes"));
        @SuppressWarnings("unchecked")
        List<int[]> counts = (List<int[]>) json.get("counts");
        assertArrayEquals(new int[] {1, 0, 0, 1}, counts.get(0), "T-shirt row");
        assertArrayEquals(new int[] {0, 0, 1, 0}, counts.get(1), "Pullover row");
        assertArrayEquals(new int[] {1, 0, 1, 2}, counts.get(3), "Shirt row");
        assertEquals(4, json.get("confusedImages"));
        // Shirt: precision 2/3, recall 2/4 -> F1 4/7
        assertEquals(4.0 / 7, (double) json.get("shirtF1"), 1e-12);
    }

    @Test
    void reportsShowTheSectionBesideTheSeedsShirtF1(@TempDir Path dir) throws Exception {
        ModelOutcome.Completed model = new ModelOutcome.Completed(ModelRun.notStarted("toy", "Toy", "test"), evaluation(),
                List.of(), "models/toy.fmnist", 10, Optional.empty());
        BenchResults r = new BenchResults("quick", 1L, new DatasetInfo("Fashion-MNIST", "/data", Map.of("f", "abc")),
                new SplitInfo(9000, 1000, 10, "a split"),
                new EnvironmentInfo("0.1.0", "25", "Linux amd64", 2, "1", 1, Instant.parse("2026-11-22T00:00:00Z"), 1.0),
                List.of(model), List.of(), BenchResults.RunState.FINISHED);
        String html = HtmlReportWriter.render(r);
        assertTrue(html.contains("<table id=\"upper-body\">"), html);
        assertTrue(html.contains("<th>Shirt→T-shirt/top</th>") && html.contains("<td class=\"num\">0.5714</td><td class=\"num\">0.74</td>"),
                html);
        new SummaryMarkdownWriter().write(r, dir);
        String md = Files.readString(dir.resolve(SummaryMarkdownWriter.FILE));
        assertTrue(md.contains("## T-shirt/top, Shirt, Pullover, Coat") && md.contains("| toy | 0.5714 | 0.74 | 1 | 1 |"), md);
        String json = Json.compact(ResultsDocument.tree(r));
        assertTrue(json.contains("\"seedReportedShirtF1\":0.74") && json.contains("\"confusedImages\":4"), json);
    }
}
