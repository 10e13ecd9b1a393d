package io.github.fmnist.bench.run;

import io.github.fmnist.api.FmnistVersion;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.data.BenchData;
import io.github.fmnist.bench.data.BenchDataSource;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.report.ReportWriter;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.BenchResults.DatasetInfo;
import io.github.fmnist.bench.results.BenchResults.EnvironmentInfo;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import io.github.fmnist.bench.results.BenchResults.RunState;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelRun;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the comparison: loads the data from the bound {@link BenchDataSource}, draws the seeded split, then
 * trains and evaluates each requested model in turn, rewriting every report after each model so the output
 * folder always reflects what has finished. A model whose plugin is not on the class path is logged and
 * recorded as skipped. After cancellation the model in progress is recorded as partial and the run stops.
 */
public final class BenchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);

    private final PluginRegistry registry;
    private final BenchDataSource dataSource;
    private final Set<ReportWriter> writers;
    private final ProgressLine line;

    @Inject
    public BenchRunner(PluginRegistry registry, BenchDataSource dataSource, Set<ReportWriter> writers, ProgressLine line) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.writers = writers;
        this.line = line;
    }

    /** Runs the bench; returns the final results (state {@code INTERRUPTED} after cancellation). */
    public BenchResults run(BenchSettings settings, Cancellation cancellation) throws IOException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long startNanos = System.nanoTime();
        Path out = settings.outputDirectory().toAbsolutePath();
        Files.createDirectories(out);
        BenchSettings absolute = new BenchSettings(settings.profile(), settings.seed(), settings.models(), out,
                settings.presets(), settings.hyperparameters(), settings.galleryModel(), settings.galleryExplainer(),
                settings.exportOnnx());
        line.message("Loading data…");
        BenchData data = dataSource.load();
        PreparedData prepared = PreparedData.draw(data, settings.profile(), settings.seed());
        line.message("Data: " + data.description() + " from " + data.source() + "; " + prepared.info().description());

        List<ModelOutcome> outcomes = new ArrayList<>();
        for (String id : settings.models()) {
            outcomes.add(pending(id, "not run: the run stopped before this model"));
        }
        List<GalleryInfo> gallery = new ArrayList<>();
        Snapshot snapshot = new Snapshot(absolute, data, prepared, started, startNanos);
        ExplanationGallery explanations = new ExplanationGallery(registry, settings.galleryExplainer());
        ModelBench bench = new ModelBench(absolute, prepared, data.sha256(), line, cancellation, explanations);

        for (int i = 0; i < settings.models().size(); i++) {
            String id = settings.models().get(i);
            if (cancellation.isRequested()) {
                break;
            }
            Optional<ModelProvider> provider = registry.model(id);
            if (provider.isEmpty()) {
                String reason = "no model plugin '" + id + "' on the class path (found "
                        + registry.models().stream().map(ModelProvider::id).toList() + ")";
                LOG.warn("skipping {}: {}", id, reason);
                outcomes.set(i, pending(id, reason));
                continue;
            }
            ModelRun starting = ModelRun.notStarted(id, provider.get().descriptor().displayName(),
                    provider.get().descriptor().family());
            outcomes.set(i, new ModelOutcome.Partial(starting, "in progress, or stopped before it finished"));
            writeAll(snapshot.results(outcomes, gallery, RunState.RUNNING), out);
            ModelOutcome outcome = bench.run(provider.get(), gallery::add);
            outcomes.set(i, outcome);
            writeAll(snapshot.results(outcomes, gallery, RunState.RUNNING), out);
        }
        RunState state = cancellation.isRequested() ? RunState.INTERRUPTED : RunState.FINISHED;
        BenchResults results = snapshot.results(outcomes, gallery, state);
        writeAll(results, out);
        line.message((state == RunState.INTERRUPTED ? "Interrupted; results so far" : "Done; results") + " in " + out);
        return results;
    }

    private void writeAll(BenchResults results, Path out) throws IOException {
        for (ReportWriter writer : writers) {
            writer.write(results, out);
        }
    }

    private ModelOutcome pending(String id, String reason) {
        Optional<ModelProvider> p = registry.model(id);
        return new ModelOutcome.Skipped(ModelRun.notStarted(id,
                p.map(x -> x.descriptor().displayName()).orElse(id), p.map(x -> x.descriptor().family()).orElse("")), reason);
    }

    /** Builds results documents for the run's fixed parts. */
    private record Snapshot(BenchSettings settings, BenchData data, PreparedData prepared, Instant started, long startNanos) {
        BenchResults results(List<ModelOutcome> outcomes, List<GalleryInfo> gallery, RunState state) {
            String omp = Optional.ofNullable(System.getenv("OMP_NUM_THREADS")).orElse("unset");
            EnvironmentInfo env = new EnvironmentInfo(FmnistVersion.current(), System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), omp, started, (System.nanoTime() - startNanos) / 1e9);
            return new BenchResults(settings.profile().name(), settings.seed(),
                    new DatasetInfo(data.description(), data.source(), data.sha256()), prepared.info(), env, outcomes,
                    gallery, state);
        }
    }
}
