package io.github.fmnist.api.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains a classifier's decision as a 28×28 relevance map. Thread-safe when the classifier is.
 *
 * <pre>{@code
 * Explainer gradCam = registry.requireExplainer("gradcam").create(cnn, options);
 * Explanation e = gradCam.explainPredicted(image);
 * float[] map = e.relevance();    // 784 values in [0, 1], 1 = most relevant
 * }</pre>
 */
public interface Explainer {

    /** The relevance of each pixel for {@code target}'s score. */
    Explanation explain(Image image, FashionClass target);

    /** Explains the class the classifier predicts for {@code image}. */
    Explanation explainPredicted(Image image);

    /**
     * Explains many images, each for its own target class.
     *
     * @throws InvalidInputException if the counts differ
     */
    default List<Explanation> explainAll(ImageBatch images, List<FashionClass> targets) {
        if (images.size() != targets.size()) {
            throw new InvalidInputException(images.size() + " images but " + targets.size() + " target classes");
        }
        List<Explanation> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            out.add(explain(images.get(i), targets.get(i)));
        }
        return out;
    }
}
