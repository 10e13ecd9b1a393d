package io.github.fmnist.api.model;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Class probabilities for one image, indexed by label.
 *
 * <pre>{@code
 * Prediction p = classifier.predict(image);
 * p.predicted();          // FashionClass.ANKLE_BOOT
 * p.top(3);               // [Ankle boot 97.3 %, Sneaker 2.1 %, Sandal 0.4 %]
 * }</pre>
 *
 * @param probabilities ten probabilities, indexed by label (copied)
 */
public record Prediction(float[] probabilities) {

    public Prediction {
        if (probabilities.length != FashionClass.COUNT) {
            throw new InvalidInputException("a prediction needs " + FashionClass.COUNT + " probabilities, found " + probabilities.length);
        }
        probabilities = probabilities.clone();
    }

    /** A copy of the ten probabilities. */
    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of {@code fashionClass}. */
    public float probability(FashionClass fashionClass) {
        return probabilities[fashionClass.label()];
    }

    /** The most likely class (the lowest label wins a tie). */
    public FashionClass predicted() {
        return FashionClass.of(argmax(probabilities));
    }

    /** The probability of the most likely class. */
    public float confidence() {
        return probabilities[predicted().label()];
    }

    /** The {@code k} most likely classes, most likely first. */
    public List<ClassProbability> top(int k) {
        return IntStream.range(0, FashionClass.COUNT)
                .mapToObj(i -> new ClassProbability(FashionClass.of(i), probabilities[i]))
                .sorted(Comparator.comparingDouble(ClassProbability::probability).reversed())
                .limit(k)
                .toList();
    }

    /** Index of the largest value in a row of ten scores (the lowest label wins a tie). */
    public static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction other && Arrays.equals(probabilities, other.probabilities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Prediction[" + top(1).get(0) + "]";
    }

    /** A class with its probability; prints as {@code "Ankle boot 97.3 %"}, so {@code top(3)} prints readably. */
    public record ClassProbability(FashionClass fashionClass, float probability) {
        @Override
        public String toString() {
            return fashionClass.displayName() + " " + String.format(java.util.Locale.ROOT, "%.1f %%", probability * 100);
        }
    }
}
