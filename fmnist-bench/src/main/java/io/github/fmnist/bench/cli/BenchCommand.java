package io.github.fmnist.bench.cli;

import com.google.inject.Injector;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.report.HtmlReportWriter;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.ModelStatus;
import io.github.fmnist.bench.run.BenchProfile;
import io.github.fmnist.bench.run.BenchRunner;
import io.github.fmnist.bench.run.BenchSettings;
import io.github.fmnist.bench.run.CombinedRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares the models on one seeded split and writes an offline report.",
                "Trains each model, evaluates it on the test images and writes report.html, results.json, results.csv,",
                "summary.md, figures/ and models/ (bundles and .onnx files) into the output folder.",
                "",
                "Profiles:",
                "  quick  a class-balanced sample of 10,000 training images (9,000 train / 1,000 validation), few epochs,",
                "         all 10,000 test images; about 2 minutes on 2 cores",
                "  full   all 60,000 training images (no validation hold-out), each model's default preset; under an hour",
                "",
                "Up to --jobs models train at the same time (each with OMP_NUM_THREADS native threads, 1 by default,",
                "and an equal share of the processors for Java parallel streams), started in report order; the throughput measurements and ONNX Runtime checks run afterwards, one model",
                "at a time, while nothing else runs. Training times are wall times measured under that concurrency.",
                "",
                "After the seven come rows built from their trained models, with nothing retrained: ensemble (cnn + resnet,",
                "soft voting), ensemble-tta (the same with horizontal-flip test-time augmentation) and hybrid (logistic",
                "regression on resnet's features). Each needs its members in --models and is skipped otherwise.",
                ""},
        footer = {"", "Examples:", "  fmnist bench --profile quick", "  fmnist bench --profile full --output results/full",
                "  fmnist bench --models cnn,logreg --set cnn.epochs=5 --preset resnet=paper"})
final class BenchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @ParentCommand
    FmnistCommand root;

    @Mixin
    DataOptions data;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "quick|full", description = "Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--models", split = ",", paramLabel = "ID", defaultValue = "cnn,resnet,logreg,svm,rf,mlp,knn,ensemble,ensemble-tta,hybrid",
            description = "Model ids in report order; any plugin listed by 'fmnist models'. Default: ${DEFAULT-VALUE}.")
    List<String> models;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder. Default: bench-out/<profile>.")
    Path output;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the split, samples and models. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--train-size", paramLabel = "N", description = "Training pool drawn before the split (0 = all 60,000); overrides the profile.")
    Integer trainSize;

    @Option(names = "--test-size", paramLabel = "N", description = "Test images evaluated (0 = all 10,000); overrides the profile.")
    Integer testSize;

    @Option(names = "--validation-fraction", paramLabel = "F",
            description = "Share of the training pool held out for validation curves (quick: 0.1, full: 0); overrides the profile.")
    Double validationFraction;

    @Option(names = "--set", paramLabel = "MODEL.NAME=VALUE", description = "Sets a hyperparameter, e.g. cnn.epochs=5 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--preset", paramLabel = "MODEL=PRESET", description = "Starts a model from a named preset, e.g. cnn=paper (repeatable).")
    Map<String, String> presets = new LinkedHashMap<>();

    @Option(names = "--gallery-model", defaultValue = "cnn", description = "Model shown in the explanation gallery. Default: ${DEFAULT-VALUE}.")
    String galleryModel;

    @Option(names = "--explainer", defaultValue = "gradcam", description = "Explainer of the gallery. Default: ${DEFAULT-VALUE}.")
    String explainer;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Models trained at the same time. Default: the number of available processors, at least 1.")
    Integer jobs;

    @Option(names = "--no-onnx", description = "Skip the ONNX export and ONNX Runtime timing of the networks.")
    boolean noOnnx;

    @Override
    public Integer call() throws Exception {
        BenchProfile chosen;
        try {
            chosen = BenchProfile.named(profile);
        } catch (io.github.fmnist.api.InvalidInputException e) {
            throw new UsageException(e.getMessage());
        }
        if (trainSize != null || testSize != null) {
            chosen = chosen.withSizes(trainSize != null ? trainSize : chosen.trainPoolSize(),
                    testSize != null ? testSize : chosen.testSize());
        }
        if (validationFraction != null) {
            try {
                chosen = chosen.withValidationFraction(validationFraction);
            } catch (io.github.fmnist.api.InvalidInputException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (jobs != null && jobs < 1) {
            throw new UsageException("--jobs must be at least 1, got " + jobs);
        }
        Injector injector = root.injector(data.directory());
        checkModels(injector.getInstance(PluginRegistry.class));
        Path out = output != null ? output : Path.of("bench-out", chosen.name());
        BenchSettings settings = new BenchSettings(chosen, seed, models, out, presets, KeyValues.parsePerModel(sets),
                galleryModel, explainer, !noOnnx, jobs != null ? jobs : BenchSettings.defaultJobs());
        BenchResults results;
        try (InterruptGuard guard = new InterruptGuard(root.err())) {
            results = injector.getInstance(BenchRunner.class).run(settings, guard.cancellation());
        }
        root.out().println("Report: " + out.toAbsolutePath().resolve(HtmlReportWriter.FILE));
        if (results.state() == BenchResults.RunState.INTERRUPTED) {
            return ExitCodes.INTERRUPTED;
        }
        return results.models().stream().anyMatch(m -> m.status() == ModelStatus.FAILED) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** Unknown ids outside the seven are typos (usage errors); absent members of the seven are skipped with a warning. */
    private void checkModels(PluginRegistry registry) {
        if (models.isEmpty()) {
            throw new UsageException("--models lists no model");
        }
        List<String> found = registry.models().stream().map(ModelProvider::id).toList();
        for (String id : models) {
            String providerId = CombinedRow.named(id).map(CombinedRow::providerId).orElse(id);
            if (!found.contains(providerId)) {
                if (!BenchProfile.DEFAULT_MODELS.contains(id)) {
                    throw new UsageException("no model plugin '" + id + "'; available: " + found);
                }
                LOG.warn("model '{}' is not on the class path and will be reported as skipped (available: {})", id, found);
            }
        }
        for (String id : presets.keySet()) {
            if (!models.contains(id)) {
                throw new UsageException("--preset names model '" + id + "', which is not in --models " + models);
            }
        }
    }
}
