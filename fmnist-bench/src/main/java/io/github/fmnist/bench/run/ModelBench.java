package io.github.fmnist.bench.run;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.progress.TrainingProgress;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelRun;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.results.Throughput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains, evaluates, times, saves and (for networks) exports one model of a bench run. */
final class ModelBench {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBench.class);

    private final BenchSettings settings;
    private final PreparedData data;
    private final Map<String, String> datasetSha256;
    private final ProgressLine line;
    private final Cancellation cancellation;
    private final InferenceMeter meter;
    private final ExplanationGallery gallery;

    ModelBench(BenchSettings settings, PreparedData data, Map<String, String> datasetSha256, ProgressLine line,
               Cancellation cancellation, ExplanationGallery gallery) {
        this.settings = settings;
        this.data = data;
        this.datasetSha256 = Map.copyOf(datasetSha256);
        this.line = line;
        this.cancellation = cancellation;
        this.meter = new InferenceMeter(line, cancellation::isRequested);
        this.gallery = gallery;
    }

    /**
     * Runs {@code provider}'s model.
     *
     * @param galleryOut receives the explanation figures when this is the gallery model
     */
    ModelOutcome run(ModelProvider provider, Consumer<GalleryInfo> galleryOut) {
        ModelDescriptor d = provider.descriptor();
        HyperparameterChoice choice = HyperparameterChoice.resolve(d, settings.profile(), settings.presets().get(d.id()),
                settings.hyperparameters().getOrDefault(d.id(), Map.of()));
        line.message("== " + d.id() + " (" + d.displayName() + "), preset " + choice.preset() + ": "
                + choice.values().asText());
        TrainingProgress progress = new TrainingProgress(d.id(), line, cancellation::isRequested);
        long start = System.nanoTime();
        Classifier classifier;
        try {
            classifier = provider.trainer(choice.values())
                    .fit(new TrainingRequest(data.train(), data.validation(), settings.seed(), progress));
        } catch (TrainingCancelledException e) {
            line.end();
            return new ModelOutcome.Partial(run(d, choice, progress, start), "interrupted during training: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            line.end();
            if (cancellation.isRequested()) {
                return new ModelOutcome.Partial(run(d, choice, progress, start), "interrupted during training: " + describe(e));
            }
            LOG.error("{} failed during training: {}", d.id(), describe(e));
            LOG.debug("{} training failure", d.id(), e);
            return new ModelOutcome.Failed(run(d, choice, progress, start), describe(e));
        }
        ModelRun run = run(d, choice, progress, start);
        try (classifier) {
            return evaluate(run, classifier, galleryOut);
        } catch (TrainingCancelledException e) {
            return new ModelOutcome.Partial(run, "interrupted after training: " + e.getMessage());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            line.end();
            if (cancellation.isRequested()) {
                // Libraries refuse work once the JVM is shutting down (e.g. "Shutdown in progress").
                return new ModelOutcome.Partial(run, "interrupted after training: " + describe(e));
            }
            LOG.error("{} failed after training: {}", d.id(), describe(e));
            LOG.debug("{} evaluation failure", d.id(), e);
            return new ModelOutcome.Failed(run, describe(e));
        }
    }

    private ModelOutcome evaluate(ModelRun run, Classifier classifier, Consumer<GalleryInfo> galleryOut) throws IOException {
        String id = run.modelId();
        InferenceMeter.Predicted predicted = meter.predictAll(classifier, data.test().images(),
                "eval  " + String.format("%-8s", id), Throughput.NATIVE);
        Evaluation evaluation = Evaluation.of(data.test().labels(), predicted.probabilities());
        List<Throughput> throughput = new ArrayList<>();
        throughput.add(predicted.throughput());
        throughput.add(meter.singleImage(classifier, data.test().images(), Throughput.NATIVE));
        line.message(String.format(java.util.Locale.ROOT, "   %s: accuracy %.4f, macro F1 %.4f, log-loss %.4f, %.0f img/s",
                id, evaluation.accuracy(), evaluation.macroAverage().f1(), evaluation.logLoss(),
                predicted.throughput().imagesPerSecond()));

        Path out = settings.outputDirectory();
        Path bundle = out.resolve("models").resolve(id + ModelBundle.EXTENSION);
        Provenance provenance = Provenance.now(datasetSha256, settings.seed(), data.info().description(), run.curves().size());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test.accuracy", evaluation.accuracy());
        metrics.put("test.macro_f1", evaluation.macroAverage().f1());
        metrics.put("test.log_loss", evaluation.logLoss());
        ModelBundle.save(bundle, classifier, provenance, metrics);

        requireNotCancelled("before the ONNX export");
        Optional<OnnxCheck> onnx = Optional.empty();
        if (settings.exportOnnx() && classifier.unwrap(NetworkExportable.class).isPresent()) {
            try {
                onnx = Optional.of(new OnnxComparison(meter).run(id, bundle, out.resolve("models").resolve(id + ".onnx"),
                        out, data.test(), predicted.probabilities(), throughput));
            } catch (TrainingCancelledException e) {
                throw e;
            } catch (FmnistException | IOException | LinkageError e) {
                LOG.warn("{}: ONNX export or ONNX Runtime check failed: {}", id, e.toString());
            }
        }
        requireNotCancelled("before the explanation gallery");
        if (id.equals(settings.galleryModel())) {
            try {
                gallery.make(id, classifier, data.test(), predicted.probabilities(), out).ifPresent(galleryOut);
            } catch (FmnistException | IOException e) {
                LOG.warn("{}: explanation gallery failed: {}", id, e.toString());
            }
        }
        return new ModelOutcome.Completed(run, evaluation, throughput, out.relativize(bundle).toString(), Files.size(bundle), onnx);
    }

    private void requireNotCancelled(String where) {
        if (cancellation.isRequested()) {
            throw new TrainingCancelledException("interrupted " + where);
        }
    }

    private static ModelRun run(ModelDescriptor d, HyperparameterChoice choice, TrainingProgress progress, long start) {
        return new ModelRun(d.id(), d.displayName(), d.family(), choice.preset(), choice.values().asText(), progress.epochs(),
                (System.nanoTime() - start) / 1e9);
    }

    private static String describe(Throwable e) {
        return e instanceof FmnistException ? e.getMessage() : e.toString();
    }
}
