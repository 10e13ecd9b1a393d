package io.github.fmnist.bench.run;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one path from a provider to a saved, evaluated model, shared by {@code fmnist train} and {@code fmnist bench}:
 * train on the prepared split within a thread budget, predict the test set, save the bundle with the test metrics.
 * The bundle's provenance comes from the training request (the data's origin, seed, epochs, threads).
 */
public final class TrainEvaluateSave {
    private TrainEvaluateSave() {
    }

    /** A trained model's test predictions, their evaluation, and where its bundle was saved. */
    public record Evaluated(float[][] probabilities, Evaluation evaluation, Path bundle) {
    }

    /** Trains {@code provider} with {@code hyperparameters} on {@code data}'s train and validation sets. */
    public static Classifier train(ModelProvider provider, Hyperparameters hyperparameters, PreparedData data, long seed,
                                   int threads, TrainingListener listener) {
        TrainingRequest request = TrainingRequest.of(data.train(), seed)
                .withValidation(data.validation())
                .withListener(listener)
                .withThreads(threads);
        return provider.trainer(hyperparameters).fit(request);
    }

    /** Predicts {@code data}'s test set, evaluates it and saves {@code classifier} to {@code bundle} with the metrics. */
    public static Evaluated evaluateAndSave(Classifier classifier, PreparedData data, InferenceMeter meter, String label,
                                            Path bundle) throws IOException {
        float[][] probabilities = meter.probabilities(classifier, data.test().images(), label);
        Evaluation evaluation = Evaluation.of(data.test().labels(), probabilities);
        ModelBundle.save(bundle, classifier, metrics(evaluation));
        return new Evaluated(probabilities, evaluation, bundle);
    }

    /** The metrics a bundle records: test accuracy, macro F1 and log-loss. */
    static Map<String, Double> metrics(Evaluation evaluation) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test.accuracy", evaluation.accuracy());
        metrics.put("test.macro_f1", evaluation.macroAverage().f1());
        metrics.put("test.log_loss", evaluation.logLoss());
        return metrics;
    }
}
