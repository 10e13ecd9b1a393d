package io.github.fmnist.bench.report;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.SeedReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes summary.md: a Markdown table of the headline numbers, for papers and pull requests. */
public final class SummaryMarkdownWriter implements ReportWriter {
    /** The file name. */
    public static final String FILE = "summary.md";

    @Override
    public void write(BenchResults results, Path outputDirectory) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# fmnist bench: ").append(results.profile()).append(" profile, seed ").append(results.seed())
                .append(results.state() == BenchResults.RunState.FINISHED ? "" : " (" + results.state().jsonName() + ")")
                .append("\n\n");
        out.append(results.split().description()).append(".\n\n");
        row(out, SummaryTable.HEADER);
        out.append('|');
        for (int i = 0; i < SummaryTable.HEADER.size(); i++) {
            out.append(i < 3 ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> row : SummaryTable.rows(results, false)) {
            row(out, row);
        }
        upperBody(out, results);
        out.append("\nSeed accuracy: the test accuracy the seed study reported. Throughput: images per second on ")
                .append(results.environment().processors()).append(" processors, OMP_NUM_THREADS=")
                .append(results.environment().ompThreads()).append(", Java ").append(results.environment().java())
                .append(".\n\n").append(HtmlReportWriter.concurrencyNote(results)).append('\n');
        AtomicFile.writeString(outputDirectory.resolve(FILE), out.toString());
    }

    /** T-shirt/top, Shirt, Pullover and Coat mixed up, and Shirt's F1 beside the seed's. */
    private static void upperBody(StringBuilder out, BenchResults results) {
        if (results.completed().isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%n## T-shirt/top, Shirt, Pullover, Coat%n%nTest images of one of these "
                + "classes predicted as another (true→predicted), and Shirt's F1 beside the seed's %.2f.%n%n", SeedReference.SHIRT_F1));
        List<String> header = new ArrayList<>(List.of("model", "Shirt F1", "seed Shirt F1"));
        UpperBodyConfusions.pairs().forEach(p -> header.add(UpperBodyConfusions.label(p)));
        header.add("all four");
        row(out, header);
        out.append("|---|").append("---:|".repeat(header.size() - 1)).append('\n');
        for (ModelOutcome.Completed c : results.completed()) {
            List<String> cells = new ArrayList<>(List.of(c.modelId(),
                    String.format(Locale.ROOT, "%.4f", UpperBodyConfusions.shirtF1(c.evaluation())),
                    String.format(Locale.ROOT, "%.2f", SeedReference.SHIRT_F1)));
            UpperBodyConfusions.pairs().forEach(p -> cells.add(Integer.toString(c.evaluation().confusionMatrix().count(p[0], p[1]))));
            cells.add(Integer.toString(UpperBodyConfusions.total(c.evaluation())));
            row(out, cells);
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String c : cells) {
            out.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
