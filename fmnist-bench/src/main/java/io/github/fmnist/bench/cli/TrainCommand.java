package io.github.fmnist.bench.cli;

import com.google.inject.Injector;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.Provenance;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.data.BenchData;
import io.github.fmnist.bench.data.BenchDataSource;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.progress.TrainingProgress;
import io.github.fmnist.bench.results.Throughput;
import io.github.fmnist.bench.run.BenchProfile;
import io.github.fmnist.bench.run.HyperparameterChoice;
import io.github.fmnist.bench.run.InferenceMeter;
import io.github.fmnist.bench.run.PreparedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains one model on Fashion-MNIST, evaluates it on the test images and saves it as a bundle.", ""},
        footer = {"", "Examples:", "  fmnist train cnn --set epochs=5 -o cnn.fmnist", "  fmnist train logreg --train-size 10000"})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model id (see 'fmnist models').")
    String modelId;

    @Option(names = "--preset", paramLabel = "NAME", description = "Preset to start from. Default: default.")
    String preset;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Sets a hyperparameter (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--train-size", paramLabel = "N", defaultValue = "0",
            description = "Training pool drawn class-balanced before the split; 0 = all 60,000. Default: ${DEFAULT-VALUE}.")
    int trainSize;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.1", description = "Share held out for validation. Default: ${DEFAULT-VALUE}.")
    double validationFraction;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the split and the model. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Bundle to write. Default: MODEL.fmnist.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Injector injector = root.injector(data.directory());
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        ModelProvider provider = registry.model(modelId).orElseThrow(() -> new UsageException("no model plugin '" + modelId
                + "'; available: " + registry.models().stream().map(ModelProvider::id).toList()));
        ModelDescriptor d = provider.descriptor();
        BenchProfile profile = new BenchProfile("train", trainSize, validationFraction, 0, ModelDescriptor.DEFAULT_PRESET, Map.of());
        HyperparameterChoice choice;
        try {
            choice = HyperparameterChoice.resolve(d, profile, preset, KeyValues.parse(sets));
        } catch (io.github.fmnist.api.InvalidInputException e) {
            throw new UsageException(e.getMessage());
        }
        ProgressLine line = injector.getInstance(ProgressLine.class);
        BenchData source = injector.getInstance(BenchDataSource.class).load();
        PreparedData prepared = PreparedData.draw(source, profile, seed);
        line.message("Training " + d.id() + " (preset " + choice.preset() + ": " + choice.values().asText() + ") on "
                + prepared.info().description());
        Path target = output != null ? output : Path.of(d.id() + ModelBundle.EXTENSION);
        try (InterruptGuard guard = new InterruptGuard(root.err())) {
            TrainingProgress progress = new TrainingProgress(d.id(), line, guard::interrupted);
            Classifier classifier;
            try {
                classifier = provider.trainer(choice.values())
                        .fit(new TrainingRequest(prepared.train(), prepared.validation(), seed, progress));
            } catch (TrainingCancelledException e) {
                line.message("Interrupted; nothing saved.");
                return ExitCodes.INTERRUPTED;
            }
            try (classifier) {
                InferenceMeter meter = new InferenceMeter(line, guard::interrupted);
                InferenceMeter.Predicted predicted = meter.predictAll(classifier, prepared.test().images(), "evaluate",
                        Throughput.NATIVE);
                Evaluation e = Evaluation.of(prepared.test().labels(), predicted.probabilities());
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("test.accuracy", e.accuracy());
                metrics.put("test.macro_f1", e.macroAverage().f1());
                metrics.put("test.log_loss", e.logLoss());
                ModelBundle.save(target, classifier, Provenance.now(source.sha256(), seed, prepared.info().description(),
                        progress.epochs().size()), metrics);
                root.out().printf(Locale.ROOT, "%s: test accuracy %.4f, macro F1 %.4f, log-loss %.4f; saved %s%n", d.id(),
                        e.accuracy(), e.macroAverage().f1(), e.logLoss(), target.toAbsolutePath());
            } catch (TrainingCancelledException e) {
                line.message("Interrupted during evaluation; nothing saved.");
                return ExitCodes.INTERRUPTED;
            }
        }
        return ExitCodes.OK;
    }
}
