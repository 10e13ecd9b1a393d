package io.github.fmnist.bench.cli;

import io.github.fmnist.api.FmnistException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Prints a one-line error for failures (the stack trace only with --verbose) and picks the exit code. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final FmnistCommand root;

    ErrorReporter(FmnistCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        cli.getErr().println("fmnist " + cli.getCommandName() + ": error: " + describe(e));
        if (root.verbose()) {
            e.printStackTrace(cli.getErr());
        } else {
            cli.getErr().println("(run with --verbose for details)");
        }
        cli.getErr().flush();
        return e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof FmnistException || e instanceof UsageException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return e.toString();
    }
}
