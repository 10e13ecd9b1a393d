package io.github.fmnist.api;

/** A dataset could not be found or fetched; the message lists every place looked and how to get the data. */
public class DataUnavailableException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
