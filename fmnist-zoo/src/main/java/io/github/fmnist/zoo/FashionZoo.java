package io.github.fmnist.zoo;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pretrained Fashion-MNIST models: the ones fmnist-zoo ships and any a {@link ZooProvider} on the class path adds.
 * Every file is checked against the SHA-256 in its index before ONNX Runtime or a plugin sees it.
 *
 * <pre>{@code
 * FashionZoo.entries().forEach(e -> System.out.println(e.id() + " " + e.metrics().accuracy()));
 * try (Classifier resnet = FashionZoo.open("resnet")) {          // ONNX Runtime, no Deeplearning4j needed
 *     System.out.println(resnet.predict(image).top(3));
 * }
 * }</pre>
 *
 * Thread-safe; the entries are discovered once, on first use.
 */
public final class FashionZoo {
    private static volatile ZooDiscovery.Found found;

    private FashionZoo() {
    }

    /** Every entry, fmnist's own first, in index order. */
    public static List<ZooEntry> entries() {
        return List.copyOf(found().entries().values());
    }

    /** The entry called {@code id}. */
    public static Optional<ZooEntry> entry(String id) {
        return Optional.ofNullable(found().entries().get(id));
    }

    /**
     * The entry called {@code id}.
     *
     * @throws InvalidInputException naming the ids there are, if there is none
     */
    public static ZooEntry require(String id) {
        return entry(id).orElseThrow(() -> new InvalidInputException("no zoo model '" + id + "'; the zoo has "
                + found().entries().keySet() + problemHint()));
    }

    /** The entry with the highest test accuracy. */
    public static ZooEntry best() {
        return found().entries().values().stream()
                .max(Comparator.comparingDouble((ZooEntry e) -> e.metrics().accuracy()))
                .orElseThrow(() -> new InvalidInputException("the zoo is empty" + problemHint()));
    }

    /** Providers that were skipped, as messages. */
    public static List<String> problems() {
        return found().problems();
    }

    /**
     * The ONNX Runtime classifier of entry {@code id}, with ONNX Runtime's default options; close it when done.
     *
     * @throws io.github.fmnist.api.TamperedModelException if the file's size or SHA-256 differ from the index
     */
    public static OnnxClassifier open(String id) throws IOException {
        return open(id, OnnxRuntimeOptions.defaults());
    }

    /** As {@link #open(String)}, with {@code options} (threads, execution provider). */
    public static OnnxClassifier open(String id, OnnxRuntimeOptions options) throws IOException {
        ZooEntry entry = require(id);
        byte[] model = entry.read(entry.onnx());
        return OnnxClassifier.open(model, entry.resources().describe(entry.onnx().name()), options);
    }

    /**
     * The original classifier of entry {@code id}, loaded from its bundle by the plugin that trained it (for example
     * fmnist-dl for {@code cnn} and {@code resnet}, which must be on the class path); for Grad-CAM or fine-tuning.
     *
     * @throws InvalidInputException if the entry ships no bundle or its plugin is not on the class path
     */
    public static Classifier openBundle(String id) throws IOException {
        return openBundle(id, PluginRegistry.discover());
    }

    /** As {@link #openBundle(String)}, with the plugins of {@code registry}. */
    public static Classifier openBundle(String id, PluginRegistry registry) throws IOException {
        ZooEntry entry = require(id);
        ZooFile file = entry.bundleFile().orElseThrow(() -> new InvalidInputException("zoo model '" + id
                + "' ships no bundle; open it with FashionZoo.open"));
        byte[] verified = entry.read(file);
        // ModelBundle reads ZIP files from disk; the copy holds only bytes already checked against the index.
        Path temp = Files.createTempFile("fmnist-zoo-" + id + "-", ModelBundle.EXTENSION);
        try {
            Files.write(temp, verified);
            return registry.loadClassifier(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String problemHint() {
        List<String> problems = found().problems();
        return problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")";
    }

    private static ZooDiscovery.Found found() {
        ZooDiscovery.Found f = found;
        if (f == null) {
            synchronized (FashionZoo.class) {
                f = found;
                if (f == null) {
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    f = ZooDiscovery.discover(loader != null ? loader : FashionZoo.class.getClassLoader());
                    found = f;
                }
            }
        }
        return f;
    }
}
