package io.github.fmnist.bench.report;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.bench.results.BenchResults;
import java.io.IOException;
import java.nio.file.Path;

/** Writes results.json: the whole run, schema-versioned (see {@link ResultsDocument}). */
public final class ResultsJsonWriter implements ReportWriter {
    /** The file name. */
    public static final String FILE = "results.json";

    @Override
    public void write(BenchResults results, Path outputDirectory) throws IOException {
        AtomicFile.writeString(outputDirectory.resolve(FILE), Json.write(ResultsDocument.tree(results)));
    }
}
