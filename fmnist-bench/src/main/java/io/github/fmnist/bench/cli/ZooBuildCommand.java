package io.github.fmnist.bench.cli;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.eval.ClassMetrics;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.run.InferenceMeter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.zoo.ZooEntry;
import io.github.fmnist.zoo.ZooFile;
import io.github.fmnist.zoo.ZooIndex;
import io.github.fmnist.zoo.ZooMetrics;
import io.github.fmnist.zoo.ZooResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Packages a bench run's networks as fmnist-zoo entries: copies each model's bundle and ONNX export "
                + "into the zoo's resource folder, measures the ONNX model on the 10,000 test images and writes the index "
                + "(sizes, SHA-256s, provenance, metrics, the command).", ""},
        footer = {"", "fmnist-zoo/regenerate runs the full bench for the networks and then this command."})
final class ZooBuildCommand implements Callable<Integer> {
    static final String REGENERATE = "fmnist-zoo/regenerate";

    @ParentCommand
    ZooCommand zoo;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "BENCH_OUTPUT", description = "Output folder of 'fmnist bench' (holds models/ID.fmnist and models/ID.onnx).")
    Path benchOutput;

    @Option(names = "--models", split = ",", paramLabel = "ID", defaultValue = "resnet,cnn", description = "Entries, in index order. Default: ${DEFAULT-VALUE}.")
    List<String> models;

    @Option(names = "--into", paramLabel = "DIR", defaultValue = "fmnist-zoo/src/main/resources/io/github/fmnist/zoo/models",
            description = "The zoo's resource folder. Default: ${DEFAULT-VALUE}.")
    Path into;

    @Option(names = "--command", paramLabel = "TEXT", defaultValue = REGENERATE, description = "The command recorded as what made the entries. Default: ${DEFAULT-VALUE}.")
    String command;

    @Override
    public Integer call() throws Exception {
        CommandContext context = CommandContext.of(zoo.root, data);
        ProgressLine line = context.progress();
        LabeledDataset test = context.testSet();
        List<ZooEntry> entries = new ArrayList<>();
        // Entries are only written to the index here, never read back, so their resource folder is not consulted.
        ZooResources resources = ZooResources.of(ZooBuildCommand.class, "io/github/fmnist/zoo/models");
        for (String id : models) {
            Path bundleFile = benchOutput.resolve("models").resolve(id + ModelBundle.EXTENSION);
            Path onnxFile = benchOutput.resolve("models").resolve(id + ".onnx");
            for (Path f : List.of(bundleFile, onnxFile)) {
                if (!Files.isRegularFile(f)) {
                    throw new NoSuchFileException(f.toString(), null, "run the full bench for " + id + " first");
                }
            }
            BundleManifest manifest = ModelBundle.read(bundleFile).manifest();
            ZooMetrics metrics;
            try (OnnxClassifier onnx = OnnxClassifier.open(onnxFile)) {
                float[][] probabilities = new InferenceMeter(line, () -> false).probabilities(onnx, test.images(), id + " test");
                metrics = metrics(test.labels(), probabilities);
            }
            ZooFile onnx = copy(onnxFile, id + ".onnx");
            ZooFile bundle = copy(bundleFile, id + ModelBundle.EXTENSION);
            String description = describe(id, manifest);
            entries.add(new ZooEntry(id, description, manifest.providerId(), onnx, bundle, manifest.provenance(),
                    manifest.fmnistVersion(), metrics, command, resources));
            line.message(String.format(Locale.ROOT, "%s: %d of %d test images correct (%.2f %%) with ONNX Runtime; %s %d bytes, %s %d bytes",
                    id, metrics.correct(), metrics.testImages(), 100 * metrics.accuracy(), onnx.name(), onnx.size(),
                    bundle.name(), bundle.size()));
        }
        AtomicFile.writeString(into.resolve(ZooIndex.FILE), ZooIndex.format(entries));
        zoo.root.out().println("wrote " + entries.size() + " zoo entries to " + into.toAbsolutePath());
        return ExitCodes.OK;
    }

    private static String describe(String id, BundleManifest manifest) {
        String hyper = String.join(", ", new java.util.TreeMap<>(manifest.hyperparameters()).entrySet().stream()
                .filter(e -> List.of("epochs", "batch-size", "stage-widths", "padding", "batch-norm").contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue()).toList());
        return "fmnist bench full-profile " + id + " (" + manifest.providerId() + " " + manifest.providerVersion()
                + ", default preset: " + hyper + ")";
    }

    private ZooFile copy(Path source, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        AtomicFile.write(into.resolve(name), bytes);
        return ZooFile.of(name, bytes);
    }

    static ZooMetrics metrics(int[] labels, float[][] probabilities) {
        Evaluation e = Evaluation.of(labels, probabilities);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (Prediction.argmax(probabilities[i]) == labels[i]) {
                correct++;
            }
        }
        List<Double> f1 = e.perClass().stream().map(ClassMetrics::f1).toList();
        return new ZooMetrics(labels.length, correct, e.accuracy(), e.macroAverage().f1(), e.logLoss(), f1);
    }
}
