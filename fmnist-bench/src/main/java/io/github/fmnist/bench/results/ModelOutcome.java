package io.github.fmnist.bench.results;

import io.github.fmnist.api.eval.Evaluation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The result of one model in a bench run. */
public sealed interface ModelOutcome {

    /** Plugin, settings and training history. */
    ModelRun run();

    ModelStatus status();

    /** Shorthand for {@code run().modelId()}. */
    default String modelId() {
        return run().modelId();
    }

    /** The test-set evaluation, for completed models. */
    default Optional<Completed> completed() {
        return this instanceof Completed c ? Optional.of(c) : Optional.empty();
    }

    /**
     * A trained, evaluated and saved model.
     *
     * @param evaluation  metrics on the test set
     * @param throughput  inference speed measurements
     * @param bundleFile  the saved bundle, relative to the output folder
     * @param bundleBytes its size
     * @param onnx        the ONNX export check, for models that describe themselves as a network
     */
    record Completed(ModelRun run, Evaluation evaluation, List<Throughput> throughput, String bundleFile, long bundleBytes,
                     Optional<OnnxCheck> onnx) implements ModelOutcome {
        public Completed {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(evaluation, "evaluation");
            throughput = List.copyOf(throughput);
            Objects.requireNonNull(bundleFile, "bundleFile");
            Objects.requireNonNull(onnx, "onnx");
        }

        @Override
        public ModelStatus status() {
            return ModelStatus.COMPLETE;
        }
    }

    /** Interrupted before it finished; {@code run} holds the epochs done so far. */
    record Partial(ModelRun run, String reason) implements ModelOutcome {
        @Override
        public ModelStatus status() {
            return ModelStatus.PARTIAL;
        }
    }

    /** Failed with an error. */
    record Failed(ModelRun run, String error) implements ModelOutcome {
        @Override
        public ModelStatus status() {
            return ModelStatus.FAILED;
        }
    }

    /** Not run. */
    record Skipped(ModelRun run, String reason) implements ModelOutcome {
        @Override
        public ModelStatus status() {
            return ModelStatus.SKIPPED;
        }
    }
}
