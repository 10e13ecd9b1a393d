package io.github.fmnist.bench.cli;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.onnx.export.CalibrationMethod;
import io.github.fmnist.onnx.export.ExportOptions;
import io.github.fmnist.onnx.export.Int8Calibration;
import io.github.fmnist.onnx.export.OnnxExporter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export-onnx", mixinStandardHelpOptions = true,
        description = {"Exports a trained network (cnn, resnet, or any plugin that describes its network) from a bundle "
                + "to ONNX: input 'image' float[N,1,28,28] in [0,1], outputs 'logits' and 'probabilities' [N,10].", ""},
        footer = {"", "Examples:", "  fmnist export-onnx bench-out/quick/models/cnn.fmnist -o cnn.onnx",
                "  fmnist export-onnx bench-out/quick/models/cnn.fmnist --int8 --calibration 1000 -o cnn-int8.onnx"})
final class ExportOnnxCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The trained model bundle (.fmnist).")
    Path bundle;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The ONNX file. Default: the bundle's name with .onnx.")
    Path output;

    @Mixin
    DataOptions data;

    @Option(names = "--int8", description = "Write a statically quantised int8 model (QDQ form), calibrated on training images.")
    boolean int8;

    @Option(names = "--calibration", paramLabel = "N", defaultValue = "1000",
            description = "With --int8: calibrate on a class-balanced sample of N training images. Default: ${DEFAULT-VALUE}.")
    int calibrationSize;

    @Option(names = "--calibration-method", paramLabel = "METHOD", defaultValue = "percentile-99.99",
            description = "With --int8: min-max or percentile-99.99. Default: ${DEFAULT-VALUE}.")
    String calibrationMethod;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the calibration sample. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-fold-batchnorm", description = "Float export: keep each BatchNorm as its own node.")
    boolean noFold;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(bundle)) {
            throw new NoSuchFileException(bundle.toString());
        }
        Path target = output != null ? output
                : bundle.resolveSibling(bundle.getFileName().toString().replaceFirst("\\.fmnist$", "") + ".onnx");
        // The ONNX exporter finds the bundle's plugin through the registry itself.
        OnnxExporter.exportBundle(bundle, target, options());
        root.out().printf(Locale.ROOT, "%s (%.2f MB)%n", target.toAbsolutePath(), Files.size(target) / 1e6);
        return ExitCodes.OK;
    }

    private ExportOptions options() {
        if (!int8) {
            return ExportOptions.float32().withBatchNormFolding(!noFold);
        }
        if (calibrationSize < 1) {
            throw new UsageException("--calibration must be at least 1, found " + calibrationSize);
        }
        CalibrationMethod method = CalibrationMethod.parse(calibrationMethod);
        LabeledDataset train = CommandContext.of(root, data).trainSet();
        LabeledDataset sample = CommandContext.balancedSample(train, calibrationSize, seed);
        return ExportOptions.int8(new Int8Calibration(sample.images(), method, seed));
    }
}
