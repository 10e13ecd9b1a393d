package io.github.fmnist.bench.cli;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The picture loop of {@code predict} and {@code explain}: each file is imported and handed to a step; a picture
 * that cannot be read or processed is reported on stderr and skipped, and the others go on.
 */
final class PictureBatch {
    /** How a command turns a file into the model's input. */
    @FunctionalInterface
    interface Reader {
        Image read(Path file) throws IOException;
    }

    /** What a command does with one imported picture. */
    @FunctionalInterface
    interface Step {
        void accept(Path file, Image image) throws IOException;
    }

    private PictureBatch() {
    }

    /**
     * Runs {@code step} on every picture of {@code files}.
     *
     * @return how many were skipped
     * @throws IOException if a step fails to write its output (that stops the batch: the next would fail alike)
     */
    static int forEach(String command, List<Path> files, Reader reader, PrintStream err, Step step) throws IOException {
        int skipped = 0;
        for (Path file : files) {
            try {
                step.accept(file, reader.read(file));
            } catch (FmnistException | UncheckedIOException e) {
                err.println("fmnist " + command + ": skipping " + file + ": " + describe(e));
                skipped++;
            }
        }
        err.flush();
        return skipped;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof UncheckedIOException io) {
            return io.getMessage() + " (" + ErrorReporter.describe(io.getCause()) + ")";
        }
        return ErrorReporter.describe(e);
    }
}
