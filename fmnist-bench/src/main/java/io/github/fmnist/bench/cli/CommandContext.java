package io.github.fmnist.bench.cli;

import com.google.inject.Injector;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.data.BenchDataSource;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.data.split.StratifiedSample;

/** What the commands that work on saved models take from the composition root: plugins, progress line, test images. */
final class CommandContext {
    private final Injector injector;
    private final PluginRegistry registry;

    private CommandContext(Injector injector) {
        this.injector = injector;
        this.registry = injector.getInstance(PluginRegistry.class);
    }

    static CommandContext of(FmnistCommand root, DataOptions data) {
        return new CommandContext(root.injector(data.directory()));
    }

    PluginRegistry registry() {
        return registry;
    }

    ProgressLine progress() {
        return injector.getInstance(ProgressLine.class);
    }

    /** The 10,000 test images, loaded from the data source now. */
    LabeledDataset testSet() {
        return injector.getInstance(BenchDataSource.class).load().test();
    }

    /** The 60,000 training images, loaded from the data source now. */
    LabeledDataset trainSet() {
        return injector.getInstance(BenchDataSource.class).load().train();
    }

    /** A class-balanced sample of {@code n} images of {@code data}, or all of it if it has no more. */
    static LabeledDataset balancedSample(LabeledDataset data, int n, long seed) {
        return n >= data.size() ? data : StratifiedSample.sample(data, n, seed);
    }

    /** The explainer with this id, or a usage error listing those there are. */
    ExplainerProvider explainer(String id) {
        return registry.explainer(id).orElseThrow(() -> new UsageException("no explainer '" + id + "'; available: "
                + registry.explainers().stream().map(ExplainerProvider::id).toList()));
    }
}
