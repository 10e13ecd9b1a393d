package io.github.fmnist.zoo;

import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.bundle.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * One pretrained model of the zoo: its ONNX file (what {@link FashionZoo#open} runs), optionally the original
 * {@code .fmnist} bundle, where it came from and how well it does. Files are read through {@link #read(ZooFile)},
 * which checks size and SHA-256 before anything parses them.
 *
 * @param id            short stable id ({@code "resnet"})
 * @param description   one line on what the model is
 * @param providerId    the model plugin that trained it ({@code openBundle} needs that plugin on the class path)
 * @param onnx          the ONNX export
 * @param bundle        the original bundle, or {@code null} if the entry ships none (see {@link #bundleFile()})
 * @param provenance    data checksums, seed, split, epochs, threads and date of its training
 * @param fmnistVersion the fmnist version that trained it
 * @param metrics       its test figures
 * @param command       the command that produced the entry's files
 * @param resources     where the files are read from
 */
public record ZooEntry(String id, String description, String providerId, ZooFile onnx, ZooFile bundle,
                       Provenance provenance, String fmnistVersion, ZooMetrics metrics, String command,
                       ZooResources resources) {
    /** No zoo file may be larger than this; checked before reading. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    public ZooEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(onnx, "onnx");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(fmnistVersion, "fmnistVersion");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(resources, "resources");
        if (!id.matches("[a-z0-9][a-z0-9+._-]*")) {
            throw new IllegalArgumentException("zoo id must be lower-case letters, digits, '+', '.', '_' or '-': " + id);
        }
    }

    /** The original bundle, if the entry ships one. */
    public Optional<ZooFile> bundleFile() {
        return Optional.ofNullable(bundle);
    }

    /**
     * The verified content of one of this entry's files.
     *
     * @throws TamperedModelException if the file is missing, larger or smaller than declared, or its SHA-256 differs
     */
    public byte[] read(ZooFile file) throws IOException {
        String source = resources.describe(file.name());
        if (file.size() > MAX_FILE_BYTES) {
            throw new TamperedModelException(source + ": declared size " + file.size() + " exceeds the zoo's limit of "
                    + MAX_FILE_BYTES + " bytes");
        }
        byte[] content;
        try (InputStream in = resources.open(file.name())) {
            content = in.readNBytes((int) file.size() + 1);
        }
        if (content.length != file.size()) {
            throw new TamperedModelException(source + ": size: expected " + file.size() + " bytes, found "
                    + (content.length > file.size() ? "more" : content.length));
        }
        String found = ZooFile.sha256Of(content);
        if (!found.equalsIgnoreCase(file.sha256())) {
            throw new TamperedModelException(source + ": SHA-256: expected " + file.sha256() + ", found " + found);
        }
        return content;
    }
}
