package io.github.fmnist.api;

/** The set of plugins on the class path is inconsistent, e.g. two providers share one id. */
public class PluginConfigurationException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public PluginConfigurationException(String message) {
        super(message);
    }
}
