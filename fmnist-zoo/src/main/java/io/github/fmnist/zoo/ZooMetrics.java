package io.github.fmnist.zoo;

import io.github.fmnist.api.FashionClass;
import java.util.List;

/**
 * A zoo model's figures on the 10,000 Fashion-MNIST test images, as measured when it was made.
 *
 * @param testImages images evaluated
 * @param correct    images classified correctly (the zoo's tests reproduce this number exactly)
 * @param accuracy   {@code correct / testImages}
 * @param macroF1    mean F1 over the ten classes
 * @param logLoss    mean cross-entropy
 * @param classF1    F1 per class, indexed by label
 */
public record ZooMetrics(int testImages, int correct, double accuracy, double macroF1, double logLoss, List<Double> classF1) {
    public ZooMetrics {
        classF1 = List.copyOf(classF1);
        if (classF1.size() != FashionClass.COUNT) {
            throw new IllegalArgumentException("expected " + FashionClass.COUNT + " per-class F1 values, found " + classF1.size());
        }
    }

    /** The F1 of {@code fashionClass}. */
    public double f1(FashionClass fashionClass) {
        return classF1.get(fashionClass.label());
    }
}
