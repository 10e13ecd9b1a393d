package io.github.fmnist.bench.run;

import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.bench.results.ModelOutcome;
import java.nio.file.Path;

/** Where a model stands after the part of its run that may overlap other models' trainings. */
sealed interface TrainingResult {

    /** What the reports show for it now. */
    ModelOutcome outcome();

    /** Training failed or was interrupted: the outcome is final. */
    record Ended(ModelOutcome outcome) implements TrainingResult {
    }

    /**
     * Trained, evaluated on the test set and saved; the classifier stays open for the speed measurements.
     *
     * @param outcome       complete, without throughput or ONNX check yet
     * @param classifier    the trained model; closed by whoever holds this
     * @param probabilities its probabilities on the test images
     * @param bundle        the saved bundle
     */
    record Evaluated(ModelOutcome.Completed outcome, Classifier classifier, float[][] probabilities, Path bundle)
            implements TrainingResult, AutoCloseable {
        @Override
        public void close() {
            classifier.close();
        }
    }
}
