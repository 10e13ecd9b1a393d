package io.github.fmnist.bench.run;

import io.github.fmnist.bench.report.ReportWriter;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import io.github.fmnist.bench.results.BenchResults.RunState;
import io.github.fmnist.bench.results.ModelOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The run's outcomes so far, one slot per model in report order, and the reports made from them. Jobs finish
 * in any order; each records its outcome in its own slot and rewrites the reports, one writer at a time, so
 * the output folder always reflects what has finished and never depends on which job finished first.
 */
final class RunRecord {
    private final List<ModelOutcome> outcomes;
    private final List<GalleryInfo> gallery = new ArrayList<>();
    private final Set<ReportWriter> writers;
    private final Path outputDirectory;
    private final Snapshot snapshot;

    /** Builds the results document from the outcomes, the gallery and the state. */
    interface Snapshot {
        BenchResults results(List<ModelOutcome> outcomes, List<GalleryInfo> gallery, RunState state);
    }

    RunRecord(List<ModelOutcome> initial, Set<ReportWriter> writers, Path outputDirectory, Snapshot snapshot) {
        this.outcomes = new ArrayList<>(initial);
        this.writers = writers;
        this.outputDirectory = outputDirectory;
        this.snapshot = snapshot;
    }

    /** Records the outcome of model number {@code index} and rewrites the reports (state running). */
    synchronized void set(int index, ModelOutcome outcome) {
        outcomes.set(index, outcome);
        publish(RunState.RUNNING);
    }

    synchronized void addGallery(GalleryInfo info) {
        gallery.add(info);
    }

    /**
     * Rewrites every report.
     *
     * @throws UncheckedIOException if a writer fails
     */
    synchronized BenchResults publish(RunState state) {
        BenchResults results = snapshot.results(outcomes, gallery, state);
        try {
            for (ReportWriter writer : writers) {
                writer.write(results, outputDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }
}
