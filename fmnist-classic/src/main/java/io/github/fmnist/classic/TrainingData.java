package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;

/** Checks shared by every classic trainer. */
final class TrainingData {
    private TrainingData() {
    }

    /**
     * The labels, after checking that every class occurs (Smile numbers classes by the labels it sees, and
     * the classifiers answer for all ten).
     *
     * @throws InvalidInputException naming the missing classes
     */
    static int[] labelsWithAllClasses(LabeledDataset data, int minimumPerClass) {
        int[] counts = data.classCounts();
        StringBuilder missing = new StringBuilder();
        for (int c = 0; c < FashionClass.COUNT; c++) {
            if (counts[c] < minimumPerClass) {
                missing.append(missing.isEmpty() ? "" : ", ").append(FashionClass.of(c)).append(" (").append(counts[c]).append(')');
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("classic models need at least " + minimumPerClass
                    + " training examples of every class; too few of: " + missing);
        }
        return data.labels();
    }
}
