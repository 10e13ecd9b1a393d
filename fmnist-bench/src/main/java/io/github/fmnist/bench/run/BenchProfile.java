package io.github.fmnist.bench.run;

import io.github.fmnist.api.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How much data and training a bench run spends.
 *
 * @param name               {@code quick} or {@code full}
 * @param trainPoolSize      training examples drawn (class-balanced) from the 60,000 before the split; 0 = all
 * @param validationFraction share of the pool held out for validation
 * @param testSize           test examples evaluated (class-balanced); 0 = all 10,000
 * @param preset             the provider preset to start from when a provider declares it, else {@code default}
 * @param overrides          per model id, hyperparameter values applied when the provider declares that name
 */
public record BenchProfile(String name, int trainPoolSize, double validationFraction, int testSize, String preset,
                           Map<String, Map<String, String>> overrides) {

    /** The seven models of the comparison, in report order. */
    public static final List<String> SEVEN_MODELS = List.of("cnn", "resnet", "logreg", "svm", "rf", "mlp", "knn");

    /** What {@code fmnist bench} runs by default: the seven, then the rows built from them ({@link CombinedRow#ALL}). */
    public static final List<String> DEFAULT_MODELS = java.util.stream.Stream.concat(SEVEN_MODELS.stream(),
            CombinedRow.ids().stream()).toList();

    /**
     * A subset and few epochs: the seven models in about two minutes on two cores (108 s measured, 5 minutes is
     * the budget). Accuracies are below the
     * full run's; the point is to see the whole pipeline and report quickly.
     */
    public static final BenchProfile QUICK = new BenchProfile("quick", 10_000, 0.1, 0, "quick", Map.of(
            "cnn", Map.of("epochs", "2"),
            "resnet", Map.of("epochs", "2"),
            "mlp", Map.of("epochs", "5"),
            "rf", Map.of("trees", "50"),
            "logreg", Map.of("max-iterations", "50")));

    /**
     * All 60,000 training images and each provider's default preset: the split the published Fashion-MNIST figures
     * and the model plugins' accuracy targets use. No validation set is held out, so the curves are training
     * curves; {@code --validation-fraction} holds one out at the cost of that much training data.
     */
    public static final BenchProfile FULL = new BenchProfile("full", 0, 0.0, 0, "default", Map.of());

    public BenchProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(preset, "preset");
        if (trainPoolSize < 0 || testSize < 0) {
            throw new InvalidInputException("sizes must not be negative");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new InvalidInputException("validation fraction must be in [0, 1), found " + validationFraction);
        }
        overrides = Map.copyOf(overrides);
    }

    /** The profile called {@code name}. */
    public static BenchProfile named(String name) {
        return switch (name) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new InvalidInputException("unknown profile '" + name + "'; profiles: quick, full");
        };
    }

    /** The same profile with other sizes (from command-line options). */
    public BenchProfile withSizes(int trainPoolSize, int testSize) {
        return new BenchProfile(name, trainPoolSize, validationFraction, testSize, preset, overrides);
    }

    /** The same profile holding out another share of the training pool for validation. */
    public BenchProfile withValidationFraction(double fraction) {
        return new BenchProfile(name, trainPoolSize, fraction, testSize, preset, overrides);
    }

    /** The overrides for {@code modelId}. */
    public Map<String, String> overridesFor(String modelId) {
        return overrides.getOrDefault(modelId, Map.of());
    }
}
