package io.github.fmnist.bench.cli;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.imageio.ImageImporter;
import io.github.fmnist.explain.render.HeatmapRenderer;
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

@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explains a saved model's predictions as figures: the image | the relevance heatmap "
                + "(bright yellow/red = most influential) | the overlay, titled with the predicted class.", ""},
        footer = {"", "Examples:", "  fmnist explain -m cnn.fmnist --test-images 5 -o explanations/",
                "  fmnist explain -m cnn.fmnist --explainer occlusion boot.jpg photos/",
                "", "A picture that cannot be read is reported and skipped; the others are explained, and the exit code is then 1."})
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Mixin
    DataOptions data;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL_FILE", description = "A bundle (.fmnist).")
    Path model;

    @Option(names = "--explainer", defaultValue = "gradcam", description = "Explainer id (see 'fmnist models'). Default: ${DEFAULT-VALUE}.")
    String explainerId;

    @Option(names = "--test-images", paramLabel = "N", defaultValue = "0",
            description = "Explain the first N Fashion-MNIST test images (titled with their true class).")
    int testImages;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "explanations", description = "Folder for the PNGs. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Parameters(arity = "0..*", paramLabel = "IMAGE", description = "Image files or folders to explain.")
    List<Path> inputs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty() && testImages <= 0) {
            throw new UsageException("give image files or --test-images N");
        }
        List<Path> files = inputs.isEmpty() ? List.of() : ImageInputs.expand(inputs);
        CommandContext context = CommandContext.of(root, data);
        PluginRegistry registry = context.registry();
        ExplainerProvider provider = context.explainer(explainerId);
        HeatmapRenderer renderer = new HeatmapRenderer();
        int skipped = 0;
        try (Classifier classifier = ModelFiles.open(registry, model)) {
            if (!provider.supports(classifier)) {
                throw new UsageException("explainer '" + explainerId + "' cannot explain a '" + classifier.info().providerId()
                        + "' model; try a model-agnostic one such as occlusion");
            }
            Explainer explainer = provider.create(classifier, provider.descriptor().defaults());
            if (testImages > 0) {
                LabeledDataset test = context.testSet();
                for (int i = 0; i < Math.min(testImages, test.size()); i++) {
                    Image image = test.images().get(i);
                    Prediction p = classifier.predict(image);
                    Explanation e = explainer.explain(image, p.predicted());
                    FashionClass truth = test.fashionClass(i);
                    Path file = output.resolve(String.format(Locale.ROOT, "test%05d-%s.png", i, explainerId));
                    renderer.write(file, image, e, p, truth);
                    report(file, p);
                }
            }
            if (!files.isEmpty()) {
                skipped = PictureBatch.forEach("explain", files, new ImageImporter()::importImage, root.err(),
                        (input, image) -> {
                            Prediction p = classifier.predict(image);
                            Explanation e = explainer.explain(image, p.predicted());
                            String base = input.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                            Path file = output.resolve(base + "-" + explainerId + ".png");
                            renderer.write(file, image, e, p);
                            report(file, p);
                        });
            }
        }
        return skipped == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void report(Path file, Prediction p) {
        root.out().printf(Locale.ROOT, "%s  predicted %s (%.1f%%)%n", file, p.predicted(), 100 * p.confidence());
    }
}
