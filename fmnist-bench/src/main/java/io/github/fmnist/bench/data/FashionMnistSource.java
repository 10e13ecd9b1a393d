package io.github.fmnist.bench.data;

import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real Fashion-MNIST files, found by {@link FashionMnist#load()} (or read from one folder when the user
 * names it). The bench never substitutes anything else.
 */
public final class FashionMnistSource implements BenchDataSource {
    private final Optional<Path> directory;

    /** Looks where {@link FashionMnist#load()} looks, downloading if needed. */
    public FashionMnistSource() {
        this.directory = Optional.empty();
    }

    /** Reads from {@code directory} only. */
    public FashionMnistSource(Path directory) {
        this.directory = Optional.of(directory);
    }

    @Override
    public BenchData load() {
        FashionMnistData data = directory.map(FashionMnist::load).orElseGet(FashionMnist::load);
        return new BenchData(data.train(), data.test(), "Fashion-MNIST", data.source(), data.sha256());
    }
}
