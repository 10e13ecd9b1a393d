package io.github.fmnist.bench.toy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.github.fmnist.bench.data.BenchDataSource;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.run.BenchProfile;
import io.github.fmnist.bench.run.BenchRunner;
import io.github.fmnist.bench.run.BenchSettings;
import io.github.fmnist.bench.run.Cancellation;
import io.github.fmnist.bench.wiring.BenchModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the real bench pipeline on synthetic data and toy plugins, for tests. */
public final class SyntheticBench {
    /** Train pool and test set sizes: big enough for every class, small enough for seconds. */
    public static final int TRAIN = 600;
    public static final int TEST = 300;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    /** The app's module with the data source replaced by synthetic data. */
    public Module module() {
        return Modules.override(new BenchModule(Optional.empty(), new PrintStream(terminal, true, StandardCharsets.UTF_8), false))
                .with(testData());
    }

    /** Only the data override, for the CLI. */
    public static Module testData() {
        return binder -> binder.bind(BenchDataSource.class).toInstance(new SyntheticDataSource(TRAIN, TEST));
    }

    /** Settings for {@code models} with the quick profile's shape at synthetic sizes, one job. */
    public static BenchSettings settings(Path out, List<String> models, String galleryModel, String explainer) {
        BenchProfile profile = new BenchProfile("quick", 0, 0.2, 0, "quick", Map.of());
        return new BenchSettings(profile, 7L, models, out, Map.of(), Map.of(), galleryModel, explainer, true, 1);
    }

    public BenchResults run(BenchSettings settings, Cancellation cancellation) throws IOException {
        return run(settings, cancellation, binder -> { });
    }

    /** Runs with {@code overrides} (e.g. a {@link io.github.fmnist.bench.run.StageListener}) replacing the app's bindings. */
    public BenchResults run(BenchSettings settings, Cancellation cancellation, Module overrides) throws IOException {
        Injector injector = Guice.createInjector(Modules.override(module()).with(overrides));
        return injector.getInstance(BenchRunner.class).run(settings, cancellation);
    }

    /** What the run printed on its terminal. */
    public String terminal() {
        return terminal.toString(StandardCharsets.UTF_8);
    }
}
