package io.github.fmnist.api;

/**
 * The operation is valid in general but this model, layer or setting does not support it, e.g. an
 * exporter meeting a layer type it cannot translate, or training a provider that only loads models.
 */
public class UnsupportedFeatureException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message) {
        super(message);
    }

    public UnsupportedFeatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
