package io.github.fmnist.explain.occlusion;

import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.List;

/**
 * The {@code occlusion} explainer plugin; works for every classifier. The defaults (6-pixel patch, stride
 * 2, black fill) give 144 occluded images per explanation, classified in one call.
 */
public final class OcclusionProvider implements ExplainerProvider {
    /** Side of the occluding square; about the size of a garment part (a sleeve, a heel) at 28×28. */
    public static final Hyperparameter<Integer> PATCH = Hyperparameter.ofInt("patch", 6, 1, 28,
            "side of the square patch in pixels");
    /** Step between patch positions. */
    public static final Hyperparameter<Integer> STRIDE = Hyperparameter.ofInt("stride", 2, 1, 28,
            "step between patch positions in pixels");
    /** The patch's value; 0 is the black background of Fashion-MNIST, i.e. "no garment here". */
    public static final Hyperparameter<Double> FILL = Hyperparameter.ofDouble("fill", 0.0, 0.0, 1.0,
            "normalised value painted into the patch (0 = background)");
    /** Most occluded images per classifier call. */
    public static final Hyperparameter<Integer> BATCH_SIZE = Hyperparameter.ofInt("batch-size", 256, 1, 4096,
            "most occluded images classified in one call");

    private static final ExplainerDescriptor DESCRIPTOR = new ExplainerDescriptor(Occlusion.ID, "Occlusion", "1.0",
            "Model-agnostic occlusion sensitivity: the drop of the class probability when a patch hides each region.",
            true, Hyperparameters.defaults(List.of(PATCH, STRIDE, FILL, BATCH_SIZE)));

    @Override
    public ExplainerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean supports(Classifier classifier) {
        return true;
    }

    @Override
    public Explainer create(Classifier classifier, Hyperparameters options) {
        return new Occlusion(classifier, options.get(PATCH), options.get(STRIDE), options.get(FILL).floatValue(),
                options.get(BATCH_SIZE));
    }
}
