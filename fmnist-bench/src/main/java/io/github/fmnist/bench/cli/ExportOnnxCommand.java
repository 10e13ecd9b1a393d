package io.github.fmnist.bench.cli;

import io.github.fmnist.onnx.export.OnnxExporter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export-onnx", mixinStandardHelpOptions = true,
        description = {"Exports a trained network (cnn, resnet, or any plugin that describes its network) from a bundle "
                + "to ONNX: input 'image' float[N,1,28,28] in [0,1], outputs 'logits' and 'probabilities' [N,10].", ""},
        footer = {"", "Example:", "  fmnist export-onnx bench-out/quick/models/cnn.fmnist -o cnn.onnx"})
final class ExportOnnxCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The trained model bundle (.fmnist).")
    Path bundle;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The ONNX file. Default: the bundle's name with .onnx.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(bundle)) {
            throw new NoSuchFileException(bundle.toString());
        }
        Path target = output != null ? output
                : bundle.resolveSibling(bundle.getFileName().toString().replaceFirst("\\.fmnist$", "") + ".onnx");
        // The ONNX exporter finds the bundle's plugin through the registry itself.
        OnnxExporter.exportBundle(bundle, target);
        root.out().printf(Locale.ROOT, "%s (%.2f MB)%n", target.toAbsolutePath(), Files.size(target) / 1e6);
        return ExitCodes.OK;
    }
}
