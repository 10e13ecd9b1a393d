package io.github.fmnist.hybrid;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import smile.classification.LogisticRegression;

/**
 * Fits the head with Smile's multinomial logistic regression (L-BFGS, L2 penalty {@code λ/2 ‖W‖²} on the summed
 * log-likelihood) on standardised features. Smile's multinomial model has {@code k − 1} weight rows and fixes the last
 * class's logit at 0; the head keeps that as a zero column, which leaves the softmax unchanged.
 */
final class HeadFitting {
    private HeadFitting() {
    }

    static LinearHead fit(double[][] features, int[] labels, double lambda, double tolerance, int maxIterations) {
        int[] counts = new int[FashionClass.COUNT];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new InvalidInputException("the hybrid head needs training examples of every class; there are none of "
                        + FashionClass.of(c));
            }
        }
        double[][] scaling = FeatureScaling.fit(features);
        double[][] x = FeatureScaling.apply(scaling, features);
        LogisticRegression.Multinomial model = LogisticRegression.multinomial(x, labels,
                new LogisticRegression.Options(lambda, tolerance, maxIterations));
        double[][] w = model.coefficients();
        int p = x[0].length;
        double[] weights = new double[p * FashionClass.COUNT];
        double[] bias = new double[FashionClass.COUNT];
        for (int c = 0; c < FashionClass.COUNT - 1; c++) {
            for (int j = 0; j < p; j++) {
                weights[j * FashionClass.COUNT + c] = w[c][j];
            }
            bias[c] = w[c][p];
        }
        return new LinearHead(scaling[0], scaling[1], weights, bias);
    }
}
