package io.github.fmnist.bench.run;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.progress.TrainingProgress;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of one model's run that may overlap other models' trainings: train, evaluate accuracy on the test
 * set (deterministic whatever else runs), save the bundle. Nothing here measures speed except the model's own
 * training wall time. Thread-safe: one instance serves every job.
 */
final class ModelTraining {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);

    private final BenchSettings settings;
    private final PreparedData data;
    private final int threads;
    private final ProgressLine line;
    private final Cancellation cancellation;
    private final StageListener stages;
    private final InferenceMeter meter;

    /** @param threads each training's thread budget (its share of the processors) */
    ModelTraining(BenchSettings settings, PreparedData data, int threads, ProgressLine line,
                  Cancellation cancellation, StageListener stages) {
        this.settings = settings;
        this.data = data;
        this.threads = threads;
        this.line = line;
        this.cancellation = cancellation;
        this.stages = stages;
        this.meter = new InferenceMeter(line, cancellation::isRequested);
    }

    /** Trains, evaluates and saves {@code provider}'s model; the caller closes an {@link TrainingResult.Evaluated}. */
    TrainingResult run(ModelProvider provider) {
        return run(new Row(provider.id(), provider.descriptor().displayName(), Map.of()), provider);
    }

    /**
     * A report row: its id (and bundle name), name, and the hyperparameters it fixes over the command line's
     * (a combined row's members).
     */
    record Row(String id, String displayName, Map<String, String> fixed) {
    }

    /** As {@link #run(ModelProvider)}, for a row that need not be named after its provider. */
    TrainingResult run(Row row, ModelProvider provider) {
        ModelDescriptor provided = provider.descriptor();
        ModelDescriptor d = new ModelDescriptor(row.id(), row.displayName(), provided.family(), provided.version(),
                provided.description(), provided.trainable(), provided.presets());
        Map<String, String> values = new LinkedHashMap<>(settings.hyperparameters().getOrDefault(d.id(), Map.of()));
        values.putAll(row.fixed());
        HyperparameterChoice choice = HyperparameterChoice.resolve(provided, settings.profile(), settings.presets().get(d.id()),
                values);
        line.message("== " + d.id() + " (" + d.displayName() + "), preset " + choice.preset() + ": "
                + choice.values().asText());
        TrainingProgress progress = new TrainingProgress(d.id(), line, cancellation::isRequested);
        Classifier classifier;
        long start = System.nanoTime();
        stages.started(d.id(), StageListener.Stage.TRAINING);
        try {
            classifier = TrainEvaluateSave.train(provider, choice.values(), data, settings.seed(), threads, progress);
        } catch (TrainingCancelledException e) {
            progress.end();
            return new TrainingResult.Ended(new ModelOutcome.Partial(run(d, choice, progress, start),
                    "interrupted during training: " + e.getMessage()));
        } catch (RuntimeException | OutOfMemoryError e) {
            progress.end();
            if (cancellation.isRequested()) {
                return new TrainingResult.Ended(new ModelOutcome.Partial(run(d, choice, progress, start),
                        "interrupted during training: " + describe(e)));
            }
            LOG.error("{} failed during training: {}", d.id(), describe(e));
            LOG.debug("{} training failure", d.id(), e);
            return new TrainingResult.Ended(new ModelOutcome.Failed(run(d, choice, progress, start), describe(e)));
        } finally {
            stages.ended(d.id(), StageListener.Stage.TRAINING);
        }
        ModelRun run = run(d, choice, progress, start);
        try {
            return evaluate(run, classifier);
        } catch (TrainingCancelledException e) {
            classifier.close();
            return new TrainingResult.Ended(new ModelOutcome.Partial(run, "interrupted after training: " + e.getMessage()));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            classifier.close();
            if (cancellation.isRequested()) {
                // Libraries refuse work once the JVM is shutting down (e.g. "Shutdown in progress").
                return new TrainingResult.Ended(new ModelOutcome.Partial(run, "interrupted after training: " + describe(e)));
            }
            LOG.error("{} failed after training: {}", d.id(), describe(e));
            LOG.debug("{} evaluation failure", d.id(), e);
            return new TrainingResult.Ended(new ModelOutcome.Failed(run, describe(e)));
        }
    }

    private TrainingResult.Evaluated evaluate(ModelRun run, Classifier classifier) throws IOException {
        String id = run.modelId();
        line.message(String.format(Locale.ROOT, "   %s trained in %.1f s", id, run.trainSeconds()));
        // Not timed here: other models may be training. The speed measurements come later, alone.
        Path out = settings.outputDirectory();
        TrainEvaluateSave.Evaluated evaluated = TrainEvaluateSave.evaluateAndSave(classifier, data, meter, pad(id) + " eval",
                out.resolve("models").resolve(id + ModelBundle.EXTENSION));
        Evaluation evaluation = evaluated.evaluation();
        float[][] probabilities = evaluated.probabilities();
        Path bundle = evaluated.bundle();
        line.message(String.format(Locale.ROOT, "   %s: accuracy %.4f, macro F1 %.4f, log-loss %.4f",
                id, evaluation.accuracy(), evaluation.macroAverage().f1(), evaluation.logLoss()));
        ModelOutcome.Completed completed = new ModelOutcome.Completed(run, evaluation, List.of(),
                out.relativize(bundle).toString(), Files.size(bundle), Optional.empty());
        return new TrainingResult.Evaluated(completed, classifier, probabilities, bundle);
    }

    static String pad(String id) {
        return String.format(Locale.ROOT, "%-8s", id);
    }

    private static ModelRun run(ModelDescriptor d, HyperparameterChoice choice, TrainingProgress progress, long start) {
        return new ModelRun(d.id(), d.displayName(), d.family(), choice.preset(), choice.values().asText(), progress.epochs(),
                (System.nanoTime() - start) / 1e9);
    }

    static String describe(Throwable e) {
        return e instanceof FmnistException ? e.getMessage() : e.toString();
    }
}
