package io.github.fmnist.explain.render;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Prediction;
import java.util.Objects;

/** One figure of a gallery: a labelled image, the classifier's prediction and an explanation. */
public record GalleryEntry(Image image, Explanation explanation, Prediction prediction, FashionClass trueClass) {
    public GalleryEntry {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(trueClass, "trueClass");
    }

    /** Whether the prediction is right. */
    public boolean correct() {
        return prediction.predicted() == trueClass;
    }
}
