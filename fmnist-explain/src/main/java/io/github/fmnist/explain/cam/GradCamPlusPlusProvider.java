package io.github.fmnist.explain.cam;

import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.List;

/** The {@code gradcam++} explainer plugin; options as {@link GradCamProvider}. */
public final class GradCamPlusPlusProvider extends CamProvider {

    public GradCamPlusPlusProvider() {
        super(new ExplainerDescriptor(GradCamPlusPlus.ID, "Grad-CAM++", VERSION,
                "Grad-CAM with pixel-wise gradient weights (Chattopadhay et al. 2018), better at several "
                        + "instances and whole-object coverage.",
                false, Hyperparameters.defaults(List.of(LayerOption.LAYER, LayerOption.LAYER_INDEX))));
    }

    @Override
    Explainer create(Classifier classifier, String layer, Hyperparameters options) {
        return new GradCamPlusPlus(classifier, layer);
    }
}
