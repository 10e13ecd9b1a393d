package io.github.fmnist.bench.cli;

import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a saved model: an fmnist bundle (with the plugin that wrote it) or an exported {@code .onnx} file. */
final class ModelFiles {
    private ModelFiles() {
    }

    static Classifier open(PluginRegistry registry, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return OnnxClassifier.open(file);
        }
        return registry.loadClassifier(file);
    }
}
