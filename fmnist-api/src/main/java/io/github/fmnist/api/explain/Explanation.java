package io.github.fmnist.api.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A relevance map for one image and one class.
 *
 * @param method            explainer id that produced it
 * @param target            the explained class
 * @param targetProbability the classifier's probability for {@code target} on the image
 * @param relevance         784 values in [0, 1], row-major; 1 = most relevant
 * @param metadata          method details, e.g. {@code layer=conv3}
 */
public record Explanation(String method, FashionClass target, float targetProbability, float[] relevance,
                          Map<String, String> metadata) {
    public Explanation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        if (relevance.length != Image.PIXELS) {
            throw new IllegalArgumentException("relevance needs " + Image.PIXELS + " values, found " + relevance.length);
        }
        for (float v : relevance) {
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException("relevance values must be in [0, 1], found " + v);
            }
        }
        relevance = relevance.clone();
        metadata = Map.copyOf(metadata);
    }

    @Override
    public float[] relevance() {
        return relevance.clone();
    }

    /** Relevance at {@code (row, column)}. */
    public float relevance(int row, int column) {
        return relevance[row * Image.SIDE + column];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Explanation other && method.equals(other.method) && target == other.target
                && Float.compare(targetProbability, other.targetProbability) == 0
                && Arrays.equals(relevance, other.relevance) && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, target, targetProbability, Arrays.hashCode(relevance), metadata);
    }

    @Override
    public String toString() {
        return "Explanation[" + method + ", " + target + ", p=" + targetProbability + "]";
    }
}
