package io.github.fmnist.api;

/** A native library a model needs (OpenBLAS, ONNX Runtime, CUDA) cannot be loaded; the message says how to get it. */
public class MissingNativeLibraryException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public MissingNativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
