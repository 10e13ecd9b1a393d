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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the comparison: loads the data from the bound {@link BenchDataSource}, draws the seeded split, then runs
 * each requested model in two parts. First up to {@link BenchSettings#jobs()} models at a time, started in
 * report order, are trained, evaluated on the test set and saved ({@link ModelTraining}); then, once no training
 * is running, each trained model in report order has its speed measured alone ({@link SpeedMeasurement}).
 * Every report is rewritten whenever a model finishes a part, so the output folder always reflects what has
 * finished. A model whose plugin is not on the class path is logged and recorded as skipped; a failing model is
 * recorded as failed and the others go on. After cancellation the models in training are recorded as partial,
 * the trained ones stay complete (without the measurements not yet made) and no further model starts.
 */
public final class BenchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);

    private final PluginRegistry registry;
    private final BenchDataSource dataSource;
    private final Set<ReportWriter> writers;
    private final ProgressLine line;
    private final StageListener stages;

    @Inject
    public BenchRunner(PluginRegistry registry, BenchDataSource dataSource, Set<ReportWriter> writers, ProgressLine line,
                       StageListener stages) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.writers = writers;
        this.line = line;
        this.stages = stages;
    }

    /** Runs the bench; returns the final results (state {@code INTERRUPTED} after cancellation). */
    public BenchResults run(BenchSettings settings, Cancellation cancellation) throws IOException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long startNanos = System.nanoTime();
        Path out = settings.outputDirectory().toAbsolutePath();
        Files.createDirectories(out);
        BenchSettings absolute = settings.withOutputDirectory(out);
        line.message("Loading data…");
        BenchData data = dataSource.load();
        PreparedData prepared = PreparedData.draw(data, settings.profile(), settings.seed());
        line.message("Data: " + data.description() + " from " + data.source() + "; " + prepared.info().description());

        List<ModelOutcome> initial = new ArrayList<>();
        for (String id : settings.models()) {
            initial.add(pending(id, "not run: the run stopped before this model"));
        }
        Snapshot snapshot = new Snapshot(absolute, data, prepared, started, startNanos);
        RunRecord record = new RunRecord(initial, writers, out, snapshot::results);
        try {
            List<TrainingResult> trained = trainAll(absolute, prepared, record, cancellation);
            measureAll(absolute, prepared, trained, record, cancellation);
            RunState state = cancellation.isRequested() ? RunState.INTERRUPTED : RunState.FINISHED;
            BenchResults results = record.publish(state);
            line.message((state == RunState.INTERRUPTED ? "Interrupted; results so far" : "Done; results") + " in " + out);
            return results;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Trains up to {@code jobs} models at a time, started in report order. Returns one slot per model, in report
     * order ({@code null} for a model that did not train), after every job has ended, even if one of them threw.
     */
    private List<TrainingResult> trainAll(BenchSettings settings, PreparedData prepared, RunRecord record,
                                          Cancellation cancellation) {
        int jobs = Math.min(settings.jobs(), Math.max(1, settings.models().size()));
        if (jobs > 1) {
            line.message("Training up to " + jobs + " models at a time; speed is measured afterwards, one model at a time.");
        }
        // Each training's thread budget is its share; the job's pool also confines its evaluation's parallel streams.
        JobParallelism parallelism = JobParallelism.share(Runtime.getRuntime().availableProcessors(), jobs);
        ModelTraining training = new ModelTraining(settings, prepared, parallelism.parallelism(), line, cancellation, stages);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, new JobThreads());
        List<Future<Optional<TrainingResult>>> futures = new ArrayList<>();
        Map<String, Future<Optional<TrainingResult>>> byId = new ConcurrentHashMap<>();
        try {
            // Plain rows first, so every combined row (which waits for its members) is queued behind them.
            for (int i = 0; i < settings.models().size(); i++) {
                futures.add(null);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < settings.models().size(); i++) {
                    int index = i;
                    String id = settings.models().get(i);
                    Optional<CombinedRow> combined = CombinedRow.named(id);
                    if (combined.isPresent() != (pass == 1)) {
                        continue;
                    }
                    Future<Optional<TrainingResult>> future = pool.submit(() -> parallelism.run("fmnist-" + id,
                            () -> combined.isPresent()
                                    ? trainCombined(index, combined.get(), byId, training, record, cancellation)
                                    : trainOne(index, id, training, record, cancellation)));
                    futures.set(i, future);
                    byId.putIfAbsent(id, future);
                }
            }
        } finally {
            pool.shutdown();
        }
        List<TrainingResult> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<Optional<TrainingResult>> future : futures) {
            try {
                results.add(awaitUninterruptibly(future).orElse(null));
            } catch (ExecutionException e) {
                results.add(null);
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            closeAll(results);
            throw failure;
        }
        return results;
    }

    private Optional<TrainingResult> trainOne(int index, String id, ModelTraining training, RunRecord record,
                                              Cancellation cancellation) {
        if (cancellation.isRequested()) {
            return Optional.empty();
        }
        Optional<ModelProvider> provider = registry.model(id);
        if (provider.isEmpty()) {
            String reason = "no model plugin '" + id + "' on the class path (found "
                    + registry.models().stream().map(ModelProvider::id).toList() + ")";
            LOG.warn("skipping {}: {}", id, reason);
            record.set(index, pending(id, reason));
            return Optional.empty();
        }
        ModelRun starting = ModelRun.notStarted(id, provider.get().descriptor().displayName(),
                provider.get().descriptor().family());
        record.set(index, new ModelOutcome.Partial(starting, "in progress, or stopped before it finished"));
        TrainingResult result = training.run(provider.get());
        try {
            record.set(index, result.outcome());
        } catch (RuntimeException e) {
            if (result instanceof TrainingResult.Evaluated evaluated) {
                evaluated.close();
            }
            throw e;
        }
        return Optional.of(result);
    }

    /**
     * Builds a combined row from its members' saved bundles once they are trained (their futures were submitted
     * before this task, so they are running or done), or records why it cannot.
     */
    private Optional<TrainingResult> trainCombined(int index, CombinedRow row, Map<String, Future<Optional<TrainingResult>>> byId,
                                                   ModelTraining training, RunRecord record, Cancellation cancellation) {
        Map<String, Path> bundles = new HashMap<>();
        for (String member : row.members()) {
            Future<Optional<TrainingResult>> future = byId.get(member);
            if (future == null) {
                record.set(index, pending(row.id(), row.displayName(), "built from " + String.join(" and ", row.members())
                        + " trained in the same run; add " + member + " to --models"));
                return Optional.empty();
            }
            Optional<TrainingResult> result;
            try {
                result = awaitUninterruptibly(future);
            } catch (ExecutionException e) {
                result = Optional.empty();
            }
            if (cancellation.isRequested()) {
                return Optional.empty();
            }
            if (result.isEmpty() || !(result.get() instanceof TrainingResult.Evaluated evaluated)) {
                record.set(index, pending(row.id(), row.displayName(), "not built: its member " + member
                        + " did not finish training in this run"));
                return Optional.empty();
            }
            bundles.put(member, evaluated.bundle());
        }
        if (cancellation.isRequested()) {
            return Optional.empty();
        }
        Optional<ModelProvider> provider = registry.model(row.providerId());
        if (provider.isEmpty()) {
            String reason = "no model plugin '" + row.providerId() + "' on the class path";
            LOG.warn("skipping {}: {}", row.id(), reason);
            record.set(index, pending(row.id(), row.displayName(), reason));
            return Optional.empty();
        }
        record.set(index, new ModelOutcome.Partial(ModelRun.notStarted(row.id(), row.displayName(),
                provider.get().descriptor().family()), "in progress, or stopped before it finished"));
        TrainingResult result = training.run(new ModelTraining.Row(row.id(), row.displayName(), row.hyperparameters(bundles)),
                provider.get());
        return Optional.of(record(index, result, record));
    }

    private static TrainingResult record(int index, TrainingResult result, RunRecord record) {
        try {
            record.set(index, result.outcome());
        } catch (RuntimeException e) {
            if (result instanceof TrainingResult.Evaluated evaluated) {
                evaluated.close();
            }
            throw e;
        }
        return result;
    }

    /** Measures the trained models one at a time in report order (unless cancelled), closing each afterwards. */
    private void measureAll(BenchSettings settings, PreparedData prepared, List<TrainingResult> trained, RunRecord record,
                            Cancellation cancellation) {
        ExplanationGallery explanations = new ExplanationGallery(registry, settings.galleryExplainer());
        SpeedMeasurement measurement = new SpeedMeasurement(settings, prepared, line, cancellation, stages, explanations);
        try {
            for (int i = 0; i < trained.size(); i++) {
                if (trained.get(i) instanceof TrainingResult.Evaluated model) {
                    trained.set(i, null);
                    try (model) {
                        if (!cancellation.isRequested()) {
                            record.set(i, measurement.measure(model, record::addGallery));
                        }
                    }
                }
            }
        } finally {
            closeAll(trained);
        }
    }

    private static void closeAll(List<TrainingResult> results) {
        for (TrainingResult r : results) {
            if (r instanceof TrainingResult.Evaluated model) {
                try {
                    model.close();
                } catch (RuntimeException e) {
                    LOG.warn("{}: closing the classifier failed: {}", model.outcome().modelId(), e.toString());
                }
            }
        }
    }

    private static <T> T awaitUninterruptibly(Future<T> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ModelOutcome pending(String id, String displayName, String reason) {
        return new ModelOutcome.Skipped(ModelRun.notStarted(id, displayName, ""), reason);
    }

    private ModelOutcome pending(String id, String reason) {
        Optional<CombinedRow> combined = CombinedRow.named(id);
        if (combined.isPresent()) {
            return pending(id, combined.get().displayName(), reason);
        }
        Optional<ModelProvider> p = registry.model(id);
        return new ModelOutcome.Skipped(ModelRun.notStarted(id,
                p.map(x -> x.descriptor().displayName()).orElse(id), p.map(x -> x.descriptor().family()).orElse("")), reason);
    }

    /** Names the job threads, so thread dumps show which is which. */
    private static final class JobThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            return new Thread(task, "fmnist-job-" + count.incrementAndGet());
        }
    }

    /** Builds results documents for the run's fixed parts. */
    private record Snapshot(BenchSettings settings, BenchData data, PreparedData prepared, Instant started, long startNanos) {
        BenchResults results(List<ModelOutcome> outcomes, List<GalleryInfo> gallery, RunState state) {
            String omp = Optional.ofNullable(System.getenv("OMP_NUM_THREADS")).orElse("unset");
            EnvironmentInfo env = new EnvironmentInfo(FmnistVersion.current(), System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    Runtime.getRuntime().availableProcessors(), omp, settings.jobs(), started,
                    (System.nanoTime() - startNanos) / 1e9);
            return new BenchResults(settings.profile().name(), settings.seed(),
                    new DatasetInfo(data.description(), data.source(), data.sha256()), prepared.info(), env, outcomes,
                    gallery, state);
        }
    }
}
