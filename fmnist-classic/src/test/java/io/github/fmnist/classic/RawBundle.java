package io.github.fmnist.classic;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a bundle with a true manifest (sizes, SHA-256) around payload entries a test chose: how a 1.x bundle, or a
 * hand-made hostile one, looks to the loader.
 */
final class RawBundle {
    private RawBundle() {
    }

    static Path write(Path file, ModelInfo info, Map<String, byte[]> entries) throws IOException {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        ModelBundle.save(file, new Classifier() {
            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public float[][] predictNormalized(float[] nchw) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void writePayload(PayloadSink sink) throws IOException {
                for (Map.Entry<String, byte[]> e : copy.entrySet()) {
                    sink.write(e.getKey(), e.getValue());
                }
            }
        });
        return file;
    }

    /** The info of a bundle written by provider {@code id} at {@code version}, with the provider's default settings. */
    static ModelInfo info(io.github.fmnist.api.model.ModelProvider provider, String version) {
        return new ModelInfo(provider.id(), version, provider.descriptor().defaults());
    }

    /** The payload entries of a saved classifier, by name. */
    static Map<String, byte[]> entries(Classifier classifier, Path dir) throws IOException {
        Path file = dir.resolve("entries-" + System.nanoTime() + ModelBundle.EXTENSION);
        ModelBundle.save(file, classifier);
        ModelBundle bundle = ModelBundle.read(file);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : bundle.payloadNames()) {
            entries.put(name, bundle.readAllBytes(name));
        }
        return entries;
    }
}
