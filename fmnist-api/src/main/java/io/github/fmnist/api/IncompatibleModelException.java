package io.github.fmnist.api;

/**
 * A saved model cannot be loaded by this version or this provider: unknown bundle format version, a
 * bundle written by another provider, a missing payload entry, or an ONNX file whose inputs and outputs
 * do not match the fmnist contract.
 */
public class IncompatibleModelException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public IncompatibleModelException(String message) {
        super(message);
    }

    public IncompatibleModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
