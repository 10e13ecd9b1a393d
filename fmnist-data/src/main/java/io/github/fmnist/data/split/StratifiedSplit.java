package io.github.fmnist.data.split;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;

import java.util.Arrays;

/**
 * Splits a dataset into training and validation parts with the same class proportions, reproducibly from a
 * seed.
 *
 * <p>The validation set holds {@code round(size × validationFraction)} examples in total, shared between the
 * classes in proportion to their sizes (largest remainders get the leftover examples). Which examples of a class
 * go to validation is a seeded shuffle; both parts keep the original example order.
 *
 * <pre>{@code
 * TrainValidationSplit split = StratifiedSplit.split(data.train(), 0.1, 42L);   // 54,000 / 6,000
 * }</pre>
 */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /**
     * @param validationFraction share of examples held out, in [0, 1)
     * @param seed any value; the same seed gives the same split
     * @throws InvalidInputException if the fraction is outside [0, 1)
     */
    public static TrainValidationSplit split(LabeledDataset data, double validationFraction, long seed) {
        return split(data, Holdout.fraction(validationFraction), seed);
    }

    /**
     * Splits off a validation set given as a fraction or as a number of images ({@link Holdout}).
     *
     * <pre>{@code
     * TrainValidationSplit split = StratifiedSplit.split(data.train(), Holdout.images(5_000), 42L);  // 55,000 / 5,000
     * }</pre>
     *
     * @throws InvalidInputException if the holdout asks for more images than {@code data} has
     */
    public static TrainValidationSplit split(LabeledDataset data, Holdout holdout, long seed) {
        int validationSize = holdout.imagesOf(data.size());
        // A fraction is used as given, so that splits stay what they were before counts existed.
        double fraction = holdout instanceof Holdout.Fraction f ? f.fraction()
                : data.isEmpty() ? 0 : (double) validationSize / data.size();
        int[] perClass = validationCounts(data.classCounts(), fraction, validationSize);
        int[][] shuffled = ClassIndices.shuffledByClass(data, seed);
        int[][] validation = new int[FashionClass.COUNT][];
        int[][] train = new int[FashionClass.COUNT][];
        for (int c = 0; c < FashionClass.COUNT; c++) {
            validation[c] = Arrays.copyOfRange(shuffled[c], 0, perClass[c]);
            train[c] = Arrays.copyOfRange(shuffled[c], perClass[c], shuffled[c].length);
        }
        LabeledDataset trainPart = data.select(ClassIndices.sortedUnion(train));
        LabeledDataset validationPart = data.select(ClassIndices.sortedUnion(validation));
        String how = "stratified split (seed " + seed + ") of " + data.origin().description();
        return new TrainValidationSplit(
                trainPart.withOrigin(data.origin().describedAs(trainPart.size() + " train of " + how)),
                validationPart.withOrigin(data.origin().describedAs(validationPart.size() + " validation of " + how)));
    }

    static int[] validationCounts(int[] classCounts, double fraction) {
        return validationCounts(classCounts, fraction, (int) Math.round(Arrays.stream(classCounts).sum() * fraction));
    }

    private static int[] validationCounts(int[] classCounts, double fraction, int target) {
        int[] counts = new int[classCounts.length];
        double[] remainders = new double[classCounts.length];
        int assigned = 0;
        for (int c = 0; c < classCounts.length; c++) {
            double exact = classCounts[c] * fraction;
            counts[c] = (int) Math.floor(exact);
            remainders[c] = exact - counts[c];
            assigned += counts[c];
        }
        while (assigned < target) {
            int best = -1;
            for (int c = 0; c < classCounts.length; c++) {
                if (counts[c] < classCounts[c] && (best < 0 || remainders[c] > remainders[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }
}
