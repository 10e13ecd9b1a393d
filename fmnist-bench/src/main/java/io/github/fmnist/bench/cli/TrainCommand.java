package io.github.fmnist.bench.cli;

import com.google.inject.Injector;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.data.BenchData;
import io.github.fmnist.bench.data.BenchDataSource;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.progress.TrainingProgress;
import io.github.fmnist.bench.run.BenchProfile;
import io.github.fmnist.bench.run.HyperparameterChoice;
import io.github.fmnist.bench.run.InferenceMeter;
import io.github.fmnist.bench.run.PreparedData;
import io.github.fmnist.bench.run.TrainEvaluateSave;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--threads", paramLabel = "N", description = "Threads the training may use (its thread budget). Default: all processors.")
    Integer threadsOption;

    @Override
    public Integer call() throws Exception {
        Injector injector = root.injector(data.directory());
        PluginRegistry registry = injector.getInstance(PluginRegistry.class);
        ModelProvider provider;
        try {
            provider = registry.requireModel(modelId);
        } catch (io.github.fmnist.api.InvalidInputException e) {
            throw new UsageException(e.getMessage());
        }
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
        int threads = threadsOption != null ? threadsOption : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, found " + threads);
        }
        try (InterruptGuard guard = new InterruptGuard(root.err())) {
            TrainingProgress progress = new TrainingProgress(d.id(), line, guard::interrupted);
            Classifier classifier;
            try {
                classifier = TrainEvaluateSave.train(provider, choice.values(), prepared, seed, threads, progress);
            } catch (TrainingCancelledException e) {
                line.message("Interrupted; nothing saved.");
                return ExitCodes.INTERRUPTED;
            }
            try (classifier) {
                InferenceMeter meter = new InferenceMeter(line, guard::interrupted);
                Evaluation e = TrainEvaluateSave.evaluateAndSave(classifier, prepared, meter, "evaluate", target).evaluation();
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
