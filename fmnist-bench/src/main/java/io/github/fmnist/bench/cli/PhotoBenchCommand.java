package io.github.fmnist.bench.cli;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.bench.photos.PhotoBench;
import io.github.fmnist.bench.photos.PhotoBenchReport;
import io.github.fmnist.bench.photos.PhotoStyle;
import io.github.fmnist.data.imageio.ImageImporter;
import io.github.fmnist.zoo.FashionZoo;
import io.github.fmnist.zoo.ZooEntry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "photo-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stages Fashion-MNIST test images as shop photos in several styles (white backdrop, colour, small "
                + "and off centre, gradient, textured, cluttered table with props, JPEG, rotated, portrait, landscape), "
                + "imports each photo as 'predict' does and reports the accuracy per style next to the clean accuracy of "
                + "the same 28×28 images. Writes photo-bench.md and photo-bench.json.", ""},
        footer = {"", "Examples:", "  fmnist photo-bench", "  fmnist photo-bench --images 200 --keep-photos --out photo-out"})
final class PhotoBenchCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Mixin
    DataOptions data;

    @Option(names = {"-m", "--model"}, paramLabel = "ID", description = "Zoo model id. Default: the zoo's best.")
    String model;

    @Option(names = "--images", paramLabel = "N", defaultValue = "1000",
            description = "Test images per style (a class-balanced sample). Default: ${DEFAULT-VALUE}.")
    int images;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "14", description = "Seed of the sample and the staging. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--styles", split = ",", paramLabel = "STYLE",
            description = "Styles to run (comma-separated ids). Default: all.")
    List<String> styles;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "photo-bench-out", description = "Report folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--keep-photos", description = "Also write every staged photo under DIR/photos/STYLE/.")
    boolean keepPhotos;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Worker threads. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (images < 1) {
            throw new UsageException("--images must be at least 1, found " + images);
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, found " + threads);
        }
        List<PhotoStyle> chosen = chosenStyles();
        CommandContext context = CommandContext.of(root, data);
        LabeledDataset sample = CommandContext.balancedSample(context.testSet(), images, seed);
        ZooEntry entry = model == null ? FashionZoo.best() : FashionZoo.require(model);
        String name = "zoo:" + entry.id();
        try (Classifier classifier = FashionZoo.open(entry.id())) {
            PhotoBench bench = new PhotoBench(classifier, new ImageImporter(), threads);
            PhotoBench.Result result = bench.run(sample, chosen, seed,
                    keepPhotos ? Optional.of(out.resolve("photos")) : Optional.empty());
            PhotoBenchReport.write(result, name, out);
            root.out().print(PhotoBenchReport.markdown(result, name));
            root.err().printf(Locale.ROOT, "fmnist photo-bench: wrote %s and %s%n", out.resolve("photo-bench.md"),
                    out.resolve("photo-bench.json"));
        }
        return ExitCodes.OK;
    }

    private List<PhotoStyle> chosenStyles() {
        if (styles == null || styles.isEmpty()) {
            return List.of(PhotoStyle.values());
        }
        return styles.stream().map(id -> Arrays.stream(PhotoStyle.values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new UsageException("no photo style '" + id + "'; styles: "
                        + Arrays.stream(PhotoStyle.values()).map(PhotoStyle::id).toList()))).toList();
    }
}
