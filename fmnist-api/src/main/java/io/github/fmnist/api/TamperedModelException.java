package io.github.fmnist.api;

/**
 * A saved model's content does not match its manifest (checksum or size), or it carries something a
 * model file must never carry (for example a class outside a deserialisation allow-list). Nothing from
 * such a file has been parsed or instantiated when this is thrown.
 */
public class TamperedModelException extends IncompatibleModelException {
    private static final long serialVersionUID = 1L;

    public TamperedModelException(String message) {
        super(message);
    }

    public TamperedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
