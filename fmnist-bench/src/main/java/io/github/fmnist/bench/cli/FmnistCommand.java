package io.github.fmnist.bench.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.github.fmnist.api.FmnistVersion;
import io.github.fmnist.bench.progress.ProgressLine;
import io.github.fmnist.bench.wiring.BenchModule;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code fmnist} command: holds the shared options and builds the Guice injector for the subcommands. */
@Command(name = "fmnist", mixinStandardHelpOptions = true, versionProvider = FmnistCommand.Version.class,
        description = {"Fashion-MNIST classification on the JVM: compare seven models, train, evaluate, predict, "
                + "explain and export them.", ""},
        subcommands = {ModelsCommand.class, BenchCommand.class, TrainCommand.class, EvaluateCommand.class,
                PredictCommand.class, PhotoBenchCommand.class, ZooCommand.class, ExplainCommand.class, FaithfulnessCommand.class,
                ExportOnnxCommand.class, UpgradeBundleCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 1 failure, 2 usage error, 130 interrupted (Ctrl-C).",
                "Data: the Fashion-MNIST files are found in --data-dir, $FMNIST_DATA_DIR, ~/.cache/fmnist/fashion-mnist or "
                        + "/usr/share/datasets/fashion-mnist, else downloaded."})
public final class FmnistCommand implements Runnable {
    private final PrintStream out;
    private final PrintStream err;
    private final List<Module> overrides;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Debug logging and stack traces on errors.")
    boolean verbose;

    FmnistCommand(PrintStream out, PrintStream err, List<Module> overrides) {
        this.out = out;
        this.err = err;
        this.overrides = List.copyOf(overrides);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    boolean verbose() {
        return verbose;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** The app's object graph: real data (from {@code dataDirectory} if given), plugins, report writers. */
    Injector injector(Optional<Path> dataDirectory) {
        boolean interactive = err == System.err && ProgressLine.terminalAttached();
        Module app = new BenchModule(dataDirectory, err, interactive);
        return Guice.createInjector(overrides.isEmpty() ? app : Modules.override(app).with(overrides));
    }

    /** Prints the fmnist version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fmnist " + FmnistVersion.current(), "Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
