package io.github.fmnist.bench.cli;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.Reinitializable;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.report.Json;
import io.github.fmnist.explain.BatchExplainer;
import io.github.fmnist.explain.faithfulness.DeletionComparison;
import io.github.fmnist.explain.faithfulness.DeletionMetric;
import io.github.fmnist.explain.faithfulness.RandomizationCheck;
import io.github.fmnist.explain.faithfulness.RandomizationResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "faithfulness", mixinStandardHelpOptions = true,
        description = {"Checks that explanations of a saved model mean something, on Fashion-MNIST test images: the "
                + "deletion metric (remove the most relevant pixels first and record the class probability; a lower "
                + "area under the curve than random maps' is better) and, for networks that can be re-initialised, "
                + "the model-randomisation check (Spearman rank correlation between maps of the trained and of a "
                + "re-initialised network; near 0 is good).", ""},
        footer = {"", "Example:", "  fmnist faithfulness bench-out/full/models/cnn.fmnist --images 1000"})
final class FaithfulnessCommand implements Callable<Integer> {
    private static final int TIMED_EXPLANATIONS = 100;
    private static final int WARM_UP = 30;

    @ParentCommand
    FmnistCommand root;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "MODEL_FILE", description = "A model bundle (.fmnist).")
    Path file;

    @Option(names = "--explainers", split = ",", paramLabel = "ID",
            description = "Explainers to check (default: every discovered explainer that supports the model).")
    List<String> explainers;

    @Option(names = "--images", paramLabel = "N", defaultValue = "500",
            description = "Class-balanced sample of test images for the deletion metric. Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--randomization-images", paramLabel = "N", defaultValue = "200",
            description = "Test images for the model-randomisation check (0 = skip). Default: ${DEFAULT-VALUE}.")
    int randomizationImages;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + DeletionMetric.DEFAULT_STEPS,
            description = "Deletion steps per curve. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seeds the image sample, the random maps and the re-initialised weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CommandContext context = CommandContext.of(root, data);
        PluginRegistry registry = context.registry();
        ProgressLine line = context.progress();
        LabeledDataset test = context.testSet();
        ImageBatch deletionImages = sample(test, images);
        ImageBatch randomizationSample = sample(test, randomizationImages);
        PrintStream out = root.out();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Classifier classifier = ModelFiles.open(registry, file);
             Classifier untrained = randomizationSample.isEmpty() ? null
                     : classifier.unwrap(Reinitializable.class).map(r -> r.reinitialized(seed)).orElse(null)) {
            List<ExplainerProvider> chosen = chosen(context, classifier);
            DeletionMetric metric = new DeletionMetric(classifier, steps, seed);
            for (ExplainerProvider provider : chosen) {
                line.message("checking " + provider.id() + " on " + deletionImages.size() + " images…");
                Explainer explainer = provider.create(classifier, provider.descriptor().defaults());
                double millis = millisPerExplanation(explainer, deletionImages);
                DeletionComparison deletion = metric.compare(explainer, deletionImages);
                Optional<RandomizationResult> randomization = untrained == null ? Optional.empty()
                        : Optional.of(new RandomizationCheck(provider, provider.descriptor().defaults())
                                .run(classifier, untrained, randomizationSample));
                rows.add(row(deletion, randomization, millis));
            }
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("model", file.toString());
            document.put("deletionImages", deletionImages.size());
            document.put("randomizationImages", randomizationSample.size());
            document.put("steps", steps);
            document.put("seed", seed);
            document.put("explainers", rows);
            out.print(Json.write(document));
        } else {
            printTable(out, rows, deletionImages.size());
        }
        return ExitCodes.OK;
    }

    private List<ExplainerProvider> chosen(CommandContext context, Classifier classifier) {
        List<ExplainerProvider> chosen = new ArrayList<>();
        if (explainers == null || explainers.isEmpty()) {
            for (ExplainerProvider p : context.registry().explainers()) {
                if (p.supports(classifier)) {
                    chosen.add(p);
                }
            }
        } else {
            for (String id : explainers) {
                ExplainerProvider p = context.explainer(id);
                if (!p.supports(classifier)) {
                    throw new UsageException("explainer '" + id + "' cannot explain a '" + classifier.info().providerId() + "' model");
                }
                chosen.add(p);
            }
        }
        return chosen;
    }

    private ImageBatch sample(LabeledDataset test, int n) {
        if (n <= 0) {
            return ImageBatch.empty();
        }
        return CommandContext.balancedSample(test, n, seed).images();
    }

    /**
     * Mean wall time per explanation (predicted class) on this thread, as the checks above run them: in batches
     * for the Grad-CAM family, one image at a time otherwise; after a warm-up for the JIT.
     */
    private static double millisPerExplanation(Explainer explainer, ImageBatch images) {
        int n = Math.min(TIMED_EXPLANATIONS, images.size());
        if (n == 0) {
            return Double.NaN;
        }
        BatchExplainer batch = new BatchExplainer(explainer, 1);
        batch.explainPredicted(images.slice(0, Math.min(WARM_UP, n)));
        long start = System.nanoTime();
        batch.explainPredicted(images.slice(0, n));
        return (System.nanoTime() - start) / 1e6 / n;
    }

    private static Map<String, Object> row(DeletionComparison d, Optional<RandomizationResult> r, double millis) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("explainer", d.method());
        m.put("millisPerExplanation", millis);
        m.put("deletionAuc", d.explainerAuc());
        m.put("randomMapDeletionAuc", d.randomAuc());
        m.put("margin", d.margin());
        m.put("imagesBelowRandom", d.explainerWins());
        r.ifPresent(x -> {
            m.put("randomizationSpearman", x.meanSpearman());
            m.put("randomizationAbsoluteSpearman", x.meanAbsoluteSpearman());
            m.put("randomizationUndefined", x.undefined());
        });
        return m;
    }

    private void printTable(PrintStream out, List<Map<String, Object>> rows, int imageCount) {
        out.printf(Locale.ROOT, "%s: deletion metric on %d test images (%d steps; lower AUC = more faithful), "
                + "model randomisation on %d images%n%n", file, imageCount, steps, randomizationImages);
        out.printf(Locale.ROOT, "%-10s %12s %12s %8s %14s %22s %12s%n", "explainer", "deletion AUC", "random AUC", "margin",
                "below random", "Spearman ρ (|ρ|)", "ms/image");
        for (Map<String, Object> r : rows) {
            String spearman = r.containsKey("randomizationSpearman")
                    ? String.format(Locale.ROOT, "%.3f (%.3f)", (double) r.get("randomizationSpearman"),
                    (double) r.get("randomizationAbsoluteSpearman"))
                    : "n/a";
            out.printf(Locale.ROOT, "%-10s %12.4f %12.4f %+8.4f %8d / %-4d %22s %12.2f%n", r.get("explainer"),
                    (double) r.get("deletionAuc"), (double) r.get("randomMapDeletionAuc"), (double) r.get("margin"),
                    (int) r.get("imagesBelowRandom"), imageCount, spearman, (double) r.get("millisPerExplanation"));
        }
    }
}
