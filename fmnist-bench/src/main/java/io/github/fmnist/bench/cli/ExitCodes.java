package io.github.fmnist.bench.cli;

/** What the {@code fmnist} command's exit status means. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The command ran but failed (missing data, a broken model file, an error during training). */
    public static final int FAILURE = 1;
    /** The command line was wrong (unknown option, model or profile). */
    public static final int USAGE = 2;
    /** Interrupted with Ctrl-C (128 + SIGINT); results written so far are kept and marked. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
