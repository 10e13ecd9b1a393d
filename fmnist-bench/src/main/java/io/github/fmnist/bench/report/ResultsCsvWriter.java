package io.github.fmnist.bench.report;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.bench.results.BenchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes results.csv: one row per model with the headline numbers (RFC 4180 quoting). */
public final class ResultsCsvWriter implements ReportWriter {
    /** The file name. */
    public static final String FILE = "results.csv";

    @Override
    public void write(BenchResults results, Path outputDirectory) throws IOException {
        StringBuilder out = new StringBuilder();
        line(out, SummaryTable.CSV_HEADER);
        for (List<String> row : SummaryTable.rows(results, true)) {
            line(out, row);
        }
        AtomicFile.writeString(outputDirectory.resolve(FILE), out.toString());
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
