package io.github.fmnist.bench.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Test accuracies reported by the seed study (the Python project fmnist grew from), shown beside the
 * measured ones. It lists six models; k-NN, fmnist's seventh, has no seed figure.
 */
public final class SeedReference {
    private static final Map<String, Double> ACCURACY;

    static {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("resnet", 0.91);
        m.put("cnn", 0.91);
        m.put("rf", 0.89);
        m.put("svm", 0.87);
        m.put("mlp", 0.85);
        m.put("logreg", 0.83);
        ACCURACY = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The Shirt F1 score the seed study reported: its weakest class, the one it named as future work ("address
     * specific class misclassifications, e.g. T-shirt vs Shirt").
     */
    public static final double SHIRT_F1 = 0.74;

    private SeedReference() {
    }

    /** The seed's reported test accuracy of {@code modelId}, if it reported one. */
    public static Optional<Double> accuracy(String modelId) {
        return Optional.ofNullable(ACCURACY.get(modelId));
    }

    /** All reported accuracies, by model id. */
    public static Map<String, Double> all() {
        return ACCURACY;
    }
}
