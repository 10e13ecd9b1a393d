package io.github.fmnist.bench.report;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.bench.results.BenchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
        out.append("\nSeed accuracy: the test accuracy the seed study reported. Throughput: images per second on ")
                .append(results.environment().processors()).append(" processors, OMP_NUM_THREADS=")
                .append(results.environment().ompThreads()).append(", Java ").append(results.environment().java())
                .append(".\n\n").append(HtmlReportWriter.concurrencyNote(results)).append('\n');
        AtomicFile.writeString(outputDirectory.resolve(FILE), out.toString());
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String c : cells) {
            out.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        out.append('\n');
    }
}
