package io.github.fmnist.api;

/** Training stopped because its listener asked to cancel. */
public class TrainingCancelledException extends FmnistException {
    private static final long serialVersionUID = 1L;

    public TrainingCancelledException(String message) {
        super(message);
    }
}
