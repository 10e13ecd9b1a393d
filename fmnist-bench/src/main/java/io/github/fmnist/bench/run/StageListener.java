package io.github.fmnist.bench.run;

/**
 * Told when a model's training, and later its speed measurements, start and end. The bench keeps the two
 * apart: no speed measurement runs while any model trains. Called from the job threads; implementations must
 * be thread-safe.
 */
public interface StageListener {
    /** Listens to nothing. */
    StageListener NONE = new StageListener() {
        @Override
        public void started(String modelId, Stage stage) {
        }

        @Override
        public void ended(String modelId, Stage stage) {
        }
    };

    void started(String modelId, Stage stage);

    void ended(String modelId, Stage stage);

    /** The timed parts of a model's run. */
    enum Stage {
        /** Fitting the model (may overlap other models' trainings). */
        TRAINING,
        /** Inference throughput, ONNX export and ONNX Runtime comparison, explanation gallery (alone). */
        MEASUREMENT
    }
}
