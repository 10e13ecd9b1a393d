package io.github.fmnist.bench.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.data.BenchDataSource;
import io.github.fmnist.bench.data.FashionMnistSource;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.report.ConfusionMatrixFigureWriter;
import io.github.fmnist.bench.report.HtmlReportWriter;
import io.github.fmnist.bench.report.ReportWriter;
import io.github.fmnist.bench.report.ResultsCsvWriter;
import io.github.fmnist.bench.report.ResultsJsonWriter;
import io.github.fmnist.bench.report.SummaryMarkdownWriter;
import io.github.fmnist.bench.run.StageListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The app's composition root: the plugins found on the class path, the real Fashion-MNIST data, the report
 * writers (results.json first, report.html last) and the terminal. Tests override the data source.
 */
public final class BenchModule extends AbstractModule {
    private final Optional<Path> dataDirectory;
    private final PrintStream terminal;
    private final boolean interactive;

    /**
     * @param dataDirectory a folder holding the dataset files, or empty to search the usual places
     * @param terminal      where progress goes (stderr)
     * @param interactive   whether {@code terminal} is a TTY (progress bars) or a log (plain lines)
     */
    public BenchModule(Optional<Path> dataDirectory, PrintStream terminal, boolean interactive) {
        this.dataDirectory = dataDirectory;
        this.terminal = terminal;
        this.interactive = interactive;
    }

    @Override
    protected void configure() {
        bind(BenchDataSource.class).toInstance(dataDirectory.map(FashionMnistSource::new).orElseGet(FashionMnistSource::new));
        Multibinder<ReportWriter> writers = Multibinder.newSetBinder(binder(), ReportWriter.class);
        writers.addBinding().to(ResultsJsonWriter.class);
        writers.addBinding().to(ResultsCsvWriter.class);
        writers.addBinding().to(SummaryMarkdownWriter.class);
        writers.addBinding().to(ConfusionMatrixFigureWriter.class);
        writers.addBinding().to(HtmlReportWriter.class);
        bind(StageListener.class).toInstance(StageListener.NONE);
    }

    @Provides
    @Singleton
    PluginRegistry pluginRegistry() {
        return PluginRegistry.discover();
    }

    @Provides
    @Singleton
    ProgressLine progressLine() {
        return new ProgressLine(terminal, interactive);
    }
}
