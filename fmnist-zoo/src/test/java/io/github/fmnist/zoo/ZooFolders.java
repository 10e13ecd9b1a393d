package io.github.fmnist.zoo;

import io.github.fmnist.api.bundle.Provenance;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Zoo folders made on disk for tests: an index with one entry {@code toy} and its file. */
final class ZooFolders {
    private ZooFolders() {
    }

    static ZooFile file(byte[] content) {
        return new ZooFile("toy.onnx", content.length, sha256(content));
    }

    static ZooEntry entry(String id, ZooFile onnx, ZooResources resources) {
        Provenance provenance = new Provenance(Map.of("train-images-idx3-ubyte", "ab"), 42, "synthetic", 2, 1,
                Instant.parse("2026-12-01T00:00:00Z"), "25", "Linux amd64");
        ZooMetrics metrics = new ZooMetrics(100, 50, 0.5, 0.45, 1.25, Collections.nCopies(10, 0.45));
        return new ZooEntry(id, "a toy", "toy-provider", new ZooFile(onnx.name(), onnx.size(), onnx.sha256()), null,
                provenance, "0.1.0", metrics, "make toy", resources);
    }

    /** A folder {@code name} under {@code root} holding {@code content} as toy.onnx, indexed with the given sha and size. */
    static URLClassLoader folder(Path root, String name, byte[] content, String declaredSha, long declaredSize) throws IOException {
        Path folder = root.resolve(name);
        Files.createDirectories(folder);
        Files.write(folder.resolve("toy.onnx"), content);
        URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        ZooEntry entry = entry("toy", new ZooFile("toy.onnx", declaredSize, declaredSha), new ZooResources(loader, name));
        Files.writeString(folder.resolve(ZooIndex.FILE), ZooIndex.format(List.of(entry)));
        return loader;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
