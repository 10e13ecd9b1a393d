package io.github.fmnist.bench.cli;

import com.google.inject.Module;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/** Entry point of the {@code fmnist} command. */
public final class FmnistMain {
    private FmnistMain() {
    }

    public static void main(String[] args) {
        configureLogging(List.of(args).contains("--verbose") || List.of(args).contains("-v"));
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code, without exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err, Module... overrides) {
        FmnistCommand root = new FmnistCommand(out, err, List.of(overrides));
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter(root));
        cli.setParameterExceptionHandler(new UsageErrorReporter());
        return cli.execute(args);
    }

    /**
     * slf4j-simple reads its settings once, from system properties; set them before the first logger is made.
     * Progress bars and log lines both go to stderr, so stdout stays clean for JSON and CSV.
     */
    static void configureLogging(boolean verbose) {
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        // The progress lines already say what the plugins' INFO logs say; keep those for --verbose.
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setDefault("org.slf4j.simpleLogger.log.io.github.fmnist.bench", verbose ? "debug" : "info");
        setDefault("org.slf4j.simpleLogger.showThreadName", "false");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
        for (String chatty : List.of("org.nd4j", "org.deeplearning4j", "org.bytedeco", "smile", "com.microsoft")) {
            setDefault("org.slf4j.simpleLogger.log." + chatty, verbose ? "info" : "error");
        }
        setDefault("java.awt.headless", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
