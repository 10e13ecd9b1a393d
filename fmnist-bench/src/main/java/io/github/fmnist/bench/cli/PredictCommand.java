package io.github.fmnist.bench.cli;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.report.Json;
import io.github.fmnist.data.imageio.ImageImporter;
import io.github.fmnist.data.imageio.ImportedPicture;
import io.github.fmnist.zoo.FashionZoo;
import io.github.fmnist.zoo.ZooEntry;
import java.io.IOException;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classifies ordinary pictures (PNG, JPEG, WebP, BMP, GIF; any size, colour or grey, plain or shop "
                + "photos with a backdrop) with a saved model: the item is separated from its background and each is converted to a 28×28 Fashion-MNIST-style image and the top classes are printed.", ""},
        footer = {"", "Examples:", "  fmnist predict boot.jpg", "  fmnist predict -m zoo:cnn photos/",
                "  fmnist predict -m bench-out/quick/models/cnn.fmnist photos/",
                "  fmnist predict -m cnn.onnx --format json sneaker.jpg boot.png",
                "  fmnist predict --show-input seen/ shop-photos/"})
final class PredictCommand implements Callable<Integer> {
    private static final String ZOO_PREFIX = "zoo:";

    enum Format { TABLE, JSON, CSV }

    @ParentCommand
    FmnistCommand root;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "A bundle (.fmnist), an ONNX file (.onnx) or zoo:ID. "
            + "Default: the zoo's best model (see 'fmnist zoo').")
    String model;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv", description = "Output format. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--top", defaultValue = "3", description = "Classes listed per image. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--show-input", paramLabel = "DIR", description = "Also write, per picture, the 28×28 image the model "
            + "saw (NAME.28x28.png, enlarged 8×) and a side-by-side of the picture, the item mask found and that image "
            + "(NAME.steps.png) to DIR.")
    Path showInput;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files, or folders searched for them.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        if (top < 1 || top > 10) {
            throw new UsageException("--top must be in 1..10, found " + top);
        }
        List<Path> files = ImageInputs.expand(inputs);
        PluginRegistry registry = root.injector(Optional.empty()).getInstance(PluginRegistry.class);
        ImageImporter importer = new ImageImporter();
        List<Row> rows = new ArrayList<>();
        int skipped;
        try (Classifier classifier = open(registry)) {
            PictureBatch.Reader reader = showInput == null ? importer::importImage : file -> shown(importer, file);
            skipped = PictureBatch.forEach("predict", files, reader, root.err(),
                    (file, image) -> rows.add(new Row(file, classifier.predict(image).top(top))));
        }
        print(rows, root.out());
        return skipped == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Imports {@code file} and writes what the model sees of it to the --show-input folder. */
    private Image shown(ImageImporter importer, Path file) throws IOException {
        ImportedPicture imported = importer.importWithSteps(file);
        InputViews.write(imported, file, showInput);
        return imported.image();
    }

    private Classifier open(PluginRegistry registry) throws IOException {
        if (model == null || model.startsWith(ZOO_PREFIX)) {
            ZooEntry entry = model == null ? FashionZoo.best() : FashionZoo.require(model.substring(ZOO_PREFIX.length()));
            root.err().printf(Locale.ROOT, "fmnist predict: zoo model %s (%.2f %% test accuracy)%n", entry.id(),
                    100 * entry.metrics().accuracy());
            return FashionZoo.open(entry.id());
        }
        return ModelFiles.open(registry, Path.of(model));
    }

    private void print(List<Row> rows, PrintStream out) {
        switch (format) {
            case TABLE -> {
                int width = rows.stream().mapToInt(r -> r.file().toString().length()).max().orElse(4);
                for (Row r : rows) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", r.file()));
                    for (Prediction.ClassProbability c : r.top()) {
                        line.append(String.format(Locale.ROOT, "  %-11s %6.2f%%", c.fashionClass(), 100 * c.probability()));
                    }
                    out.println(line);
                }
            }
            case CSV -> {
                StringBuilder header = new StringBuilder("file");
                for (int i = 1; i <= top; i++) {
                    header.append(",class").append(i).append(",probability").append(i);
                }
                out.print(header.append("\r\n"));
                for (Row r : rows) {
                    StringBuilder line = new StringBuilder(csv(r.file().toString()));
                    for (Prediction.ClassProbability c : r.top()) {
                        line.append(',').append(csv(c.fashionClass().displayName())).append(',')
                                .append(String.format(Locale.ROOT, "%.6f", c.probability()));
                    }
                    out.print(line.append("\r\n"));
                }
            }
            case JSON -> {
                List<Object> all = new ArrayList<>();
                for (Row r : rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", r.file().toString());
                    List<Object> classes = new ArrayList<>();
                    for (Prediction.ClassProbability c : r.top()) {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("class", c.fashionClass().displayName());
                        entry.put("label", c.fashionClass().label());
                        entry.put("probability", (double) c.probability());
                        classes.add(entry);
                    }
                    m.put("top", classes);
                    all.add(m);
                }
                out.print(Json.write(all));
            }
        }
        out.flush();
    }

    private static String csv(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private record Row(Path file, List<Prediction.ClassProbability> top) {
    }
}
