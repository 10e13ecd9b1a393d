package io.github.fmnist.fuzz;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.model.Classifier;

/** What a classifier that loaded must do: give one probability per class for an image. */
final class Results {
    private Results() {
    }

    static void checkProbabilities(Classifier classifier) {
        float[] image = new float[Image.PIXELS];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i % 29) / 28f;
        }
        float[][] probabilities = classifier.predictNormalized(image);
        Invariant.check(probabilities.length == 1, probabilities.length + " rows for one image");
        Invariant.check(probabilities[0].length == FashionClass.values().length, probabilities[0].length + " classes");
    }
}
