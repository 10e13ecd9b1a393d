package io.github.fmnist.api;

/** An argument passed to an fmnist API is unusable: wrong image size, an empty batch, an unknown name. */
public class InvalidInputException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
