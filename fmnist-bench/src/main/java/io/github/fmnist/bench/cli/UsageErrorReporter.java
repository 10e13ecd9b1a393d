package io.github.fmnist.bench.cli;

import picocli.CommandLine;

/** Prints the parse error and a hint to --help, without the full usage text. */
final class UsageErrorReporter implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("fmnist " + cli.getCommandName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
        cli.getErr().println("Try 'fmnist " + (cli.getParent() == null ? "" : cli.getCommandName() + " ") + "--help'.");
        cli.getErr().flush();
        return ExitCodes.USAGE;
    }
}
