package io.github.fmnist.api;

/**
 * Root of every exception fmnist throws on purpose. Unchecked, so that lambdas and streams stay usable;
 * catch this type to handle any fmnist failure.
 */
public class FmnistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FmnistException(String message) {
        super(message);
    }

    public FmnistException(String message, Throwable cause) {
        super(message, cause);
    }
}
