package io.github.fmnist.bench.run;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.OnnxCheck;
import io.github.fmnist.bench.results.Throughput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a model's run that needs the machine to itself, run one model at a time once no training is
 * running: native batch and single-image throughput, the ONNX export and ONNX Runtime comparison, and the
 * explanation gallery. Not thread-safe; the runner calls it from one thread.
 */
final class SpeedMeasurement {
    private static final Logger LOG = LoggerFactory.getLogger(SpeedMeasurement.class);

    private final BenchSettings settings;
    private final PreparedData data;
    private final ProgressLine line;
    private final Cancellation cancellation;
    private final StageListener stages;
    private final InferenceMeter meter;
    private final ExplanationGallery gallery;

    SpeedMeasurement(BenchSettings settings, PreparedData data, ProgressLine line, Cancellation cancellation,
                     StageListener stages, ExplanationGallery gallery) {
        this.settings = settings;
        this.data = data;
        this.line = line;
        this.cancellation = cancellation;
        this.stages = stages;
        this.meter = new InferenceMeter(line, cancellation::isRequested);
        this.gallery = gallery;
    }

    /**
     * Measures {@code model} (whose classifier the caller closes). After cancellation the model stays complete
     * (it is trained, evaluated and saved) with the measurements made so far.
     *
     * @param galleryOut receives the explanation figures when this is the gallery model
     */
    ModelOutcome measure(TrainingResult.Evaluated model, Consumer<GalleryInfo> galleryOut) {
        ModelOutcome.Completed done = model.outcome();
        String id = done.modelId();
        List<Throughput> throughput = new ArrayList<>();
        Optional<OnnxCheck> onnx = Optional.empty();
        stages.started(id, StageListener.Stage.MEASUREMENT);
        try {
            Classifier classifier = model.classifier();
            throughput.add(meter.predictAll(classifier, data.test().images(), ModelTraining.pad(id) + " speed",
                    Throughput.NATIVE).throughput());
            throughput.add(meter.singleImage(classifier, data.test().images(), Throughput.NATIVE));
            line.message(String.format(Locale.ROOT, "   %s: %.0f img/s in batches of %d, %.0f img/s one by one", id,
                    throughput.get(0).imagesPerSecond(), InferenceMeter.BATCH, throughput.get(1).imagesPerSecond()));
            onnx = onnx(id, model, throughput);
            requireNotCancelled("before the explanation gallery");
            if (id.equals(settings.galleryModel())) {
                try {
                    gallery.make(id, classifier, data.test(), model.probabilities(), settings.outputDirectory())
                            .ifPresent(galleryOut);
                } catch (FmnistException | IOException e) {
                    LOG.warn("{}: explanation gallery failed: {}", id, e.toString());
                }
            }
        } catch (TrainingCancelledException e) {
            LOG.info("{}: speed measurements stopped ({}); the model is kept with its accuracy", id, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            if (!cancellation.isRequested()) {
                LOG.error("{} failed while measuring its speed: {}", id, ModelTraining.describe(e));
                LOG.debug("{} measurement failure", id, e);
                return new ModelOutcome.Failed(done.run(), ModelTraining.describe(e));
            }
            LOG.info("{}: speed measurements stopped ({})", id, ModelTraining.describe(e));
        } finally {
            stages.ended(id, StageListener.Stage.MEASUREMENT);
        }
        return new ModelOutcome.Completed(done.run(), done.evaluation(), throughput, done.bundleFile(), done.bundleBytes(), onnx);
    }

    private Optional<OnnxCheck> onnx(String id, TrainingResult.Evaluated model, List<Throughput> throughput) {
        requireNotCancelled("before the ONNX export");
        if (!settings.exportOnnx() || model.classifier().unwrap(NetworkExportable.class).isEmpty()) {
            return Optional.empty();
        }
        Path models = settings.outputDirectory().resolve("models");
        try {
            return Optional.of(new OnnxComparison(meter).run(id, model.bundle(), models.resolve(id + ".onnx"),
                    settings.outputDirectory(), data.test(), model.probabilities(), data.train(), settings.seed(), throughput));
        } catch (FmnistException | IOException | LinkageError e) {
            if (e instanceof TrainingCancelledException cancelled) {
                throw cancelled;
            }
            LOG.warn("{}: ONNX export or ONNX Runtime check failed: {}", id, e.toString());
            return Optional.empty();
        }
    }

    private void requireNotCancelled(String where) {
        if (cancellation.isRequested()) {
            throw new TrainingCancelledException("interrupted " + where);
        }
    }
}
