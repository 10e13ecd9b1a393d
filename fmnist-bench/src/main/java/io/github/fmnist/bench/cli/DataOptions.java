package io.github.fmnist.bench.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The option naming where the dataset is, shared by the commands that read it. */
final class DataOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the four Fashion-MNIST IDX files (raw or .gz). Default: search the usual places.")
    Path dataDirectory;

    Optional<Path> directory() {
        return Optional.ofNullable(dataDirectory);
    }
}
