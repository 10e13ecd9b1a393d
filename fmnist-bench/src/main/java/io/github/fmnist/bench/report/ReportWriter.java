package io.github.fmnist.bench.report;

import io.github.fmnist.bench.results.BenchResults;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one part of a bench run's output folder. Writers are called after every model and at the end,
 * so each must replace its files atomically and cope with partial results.
 */
public interface ReportWriter {

    /** Writes (or rewrites) this writer's files under {@code outputDirectory}. */
    void write(BenchResults results, Path outputDirectory) throws IOException;
}
