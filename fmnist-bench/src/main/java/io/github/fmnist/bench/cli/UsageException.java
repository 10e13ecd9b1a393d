package io.github.fmnist.bench.cli;

/** A command line that parsed but asks for something that does not exist (an unknown model id, profile or preset). */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
