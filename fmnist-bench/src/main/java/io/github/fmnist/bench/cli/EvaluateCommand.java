package io.github.fmnist.bench.cli;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.eval.ConfusedPair;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.report.Json;
import io.github.fmnist.bench.report.ResultsDocument;
import io.github.fmnist.bench.results.Throughput;
import io.github.fmnist.bench.run.InferenceMeter;
import java.io.PrintStream;
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

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates saved models (bundles or .onnx files) on the Fashion-MNIST test images: accuracy, "
                + "macro F1, log-loss, a per-class report and the most confused pairs.", ""},
        footer = {"", "Example:", "  fmnist evaluate bench-out/quick/models/cnn.fmnist bench-out/quick/models/cnn.onnx"})
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Mixin
    DataOptions data;

    @Parameters(arity = "1..*", paramLabel = "MODEL_FILE", description = "Model bundles (.fmnist) or ONNX files (.onnx).")
    List<Path> files;

    @Option(names = "--test-size", paramLabel = "N", defaultValue = "0",
            description = "Evaluate a class-balanced sample of N test images (0 = all 10,000). Default: ${DEFAULT-VALUE}.")
    int testSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the --test-size sample. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandContext context = CommandContext.of(root, data);
        PluginRegistry registry = context.registry();
        ProgressLine line = context.progress();
        LabeledDataset all = context.testSet();
        LabeledDataset test = testSize > 0 ? CommandContext.balancedSample(all, testSize, seed) : all;
        List<Object> documents = new ArrayList<>();
        PrintStream out = root.out();
        try (InterruptGuard guard = new InterruptGuard(root.err())) {
            InferenceMeter meter = new InferenceMeter(line, guard::interrupted);
            for (Path file : files) {
                try (Classifier classifier = ModelFiles.open(registry, file)) {
                    InferenceMeter.Predicted p = meter.predictAll(classifier, test.images(), "evaluate", Throughput.NATIVE);
                    Evaluation e = Evaluation.of(test.labels(), p.probabilities());
                    if (json) {
                        documents.add(tree(file, classifier, e, p.throughput()));
                    } else {
                        out.printf(Locale.ROOT, "%s (%s): %d test images, accuracy %.4f, macro F1 %.4f, log-loss %.4f, %.0f images/s%n%n",
                                file, classifier.info().providerId(), e.size(), e.accuracy(), e.macroAverage().f1(), e.logLoss(),
                                p.throughput().imagesPerSecond());
                        out.println(e.classificationReport(4));
                        out.println("Most confused:");
                        for (ConfusedPair c : e.topConfusions(5)) {
                            out.printf(Locale.ROOT, "  %-12s predicted as %-12s %5d (%.1f%%)%n", c.actual(), c.predicted(),
                                    c.count(), 100 * c.rateOfTrue());
                        }
                        out.println();
                    }
                }
            }
        }
        if (json) {
            out.print(Json.write(documents.size() == 1 ? documents.get(0) : documents));
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> tree(Path file, Classifier c, Evaluation e, Throughput t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("provider", c.info().providerId());
        m.put("testImages", e.size());
        m.put("accuracy", e.accuracy());
        m.put("macroF1", e.macroAverage().f1());
        m.put("logLoss", e.logLoss());
        m.put("imagesPerSecond", t.imagesPerSecond());
        m.put("perClass", ResultsDocument.perClassJson(e));
        m.put("confusionMatrix", ResultsDocument.confusionMatrixJson(e));
        return m;
    }
}
