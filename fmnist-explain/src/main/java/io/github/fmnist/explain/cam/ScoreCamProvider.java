package io.github.fmnist.explain.cam;

import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.List;

/**
 * The {@code scorecam} explainer plugin. Options: {@code layer-index} as {@link GradCamProvider};
 * {@code batch-size} (default 128), the most masked images sent to the classifier at once.
 */
public final class ScoreCamProvider extends CamProvider {
    /** Most masked images per classifier call; one call per explanation for layers of up to 127 channels. */
    public static final Hyperparameter<Integer> BATCH_SIZE = Hyperparameter.ofInt("batch-size", 128, 1, 4096,
            "most masked images classified in one call");

    public ScoreCamProvider() {
        super(new ExplainerDescriptor(ScoreCam.ID, "Score-CAM", VERSION,
                "Gradient-free class activation map (Wang et al. 2020): each channel, upsampled as a mask on the "
                        + "input, is weighted by the target probability it alone preserves.",
                false, Hyperparameters.defaults(List.of(LayerOption.LAYER, LayerOption.LAYER_INDEX, BATCH_SIZE))));
    }

    @Override
    Explainer create(Classifier classifier, String layer, Hyperparameters options) {
        return new ScoreCam(classifier, layer, options.get(BATCH_SIZE));
    }
}
