package io.github.fmnist.ensemble;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ensemble's hyperparameters, parsed and checked.
 *
 * @param members member specifications, in order: bundle files or provider ids
 * @param weights one positive weight per member, normalised to sum to 1
 * @param views   the test-time views each member votes on (mirror, translations)
 */
record EnsembleSettings(List<String> members, double[] weights, TestTimeViews views) {
    /** Most members an ensemble may have (a bundle declaring more is refused before anything is read). */
    static final int MAX_MEMBERS = 64;

    EnsembleSettings {
        members = List.copyOf(members);
        weights = weights.clone();
    }

    /**
     * @throws InvalidInputException naming the hyperparameter if the members are empty or too many, or the weights
     *         are not {@code equal} or one positive number per member
     */
    static EnsembleSettings of(Hyperparameters hyperparameters) {
        List<String> members = new ArrayList<>();
        for (String part : hyperparameters.get(EnsembleProvider.MEMBERS).split(",")) {
            if (!part.isBlank()) {
                members.add(part.trim());
            }
        }
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new InvalidInputException("hyperparameter 'members' needs 1 to " + MAX_MEMBERS + " members, found "
                    + members.size());
        }
        double[] weights = weights(hyperparameters.get(EnsembleProvider.WEIGHTS), members.size());
        return new EnsembleSettings(members, weights, new TestTimeViews(hyperparameters.get(EnsembleProvider.SHIFT_TTA),
                hyperparameters.get(EnsembleProvider.FLIP_TTA)));
    }

    static double[] weights(String text, int count) {
        if (text.equals("equal")) {
            double[] equal = new double[count];
            Arrays.fill(equal, 1.0 / count);
            return equal;
        }
        String[] parts = text.split(",");
        if (parts.length != count) {
            throw new InvalidInputException("hyperparameter 'weights': " + parts.length + " weights for " + count
                    + " members ('" + text + "')");
        }
        double[] weights = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            try {
                weights[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("hyperparameter 'weights': '" + parts[i].trim() + "' is not a number");
            }
            if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                throw new InvalidInputException("hyperparameter 'weights': weight " + (i + 1) + " must be positive and finite, found "
                        + parts[i].trim());
            }
            total += weights[i];
        }
        for (int i = 0; i < count; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    /** Whether a member specification names a bundle file rather than a provider id. */
    static boolean isBundleFile(String member) {
        return member.endsWith(".fmnist") || member.contains("/") || member.contains("\\");
    }
}
