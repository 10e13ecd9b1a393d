package io.github.fmnist.explain;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.Explanation;
import java.util.List;

/**
 * An explainer that is faster on many images at once than on each alone, because its classifier answers a
 * whole batch in one network pass: the Grad-CAM family, whose {@code explainAll} is batched as well.
 * {@link BatchExplainer} and the faithfulness checks hand such an explainer whole chunks of images.
 *
 * <pre>{@code
 * List<Explanation> maps = gradCam instanceof BatchedExplainer b
 *         ? b.explainAllPredicted(images) : images.stream().map(gradCam::explainPredicted).toList();
 * }</pre>
 */
public interface BatchedExplainer extends Explainer {

    /**
     * Each image explained for the class the classifier predicts for it, in image order: the explanations
     * {@link #explainPredicted} gives for each image alone, up to the classifier's float rounding.
     */
    List<Explanation> explainAllPredicted(ImageBatch images);
}
