package io.github.fmnist.explain.cam;

import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.List;

/**
 * The {@code gradcam} explainer plugin; classifiers must offer {@code ConvolutionGradients}. Options:
 * {@code layer} names the convolutional layer to explain, or with its default {@code auto} leaves the
 * choice to {@code layer-index} (default −1, the last convolutional layer, as Grad-CAM recommends).
 */
public final class GradCamProvider extends CamProvider {
    /** The target layer of all CAM explainers by name; the default "auto" defers to {@link #LAYER_INDEX}. */
    public static final Hyperparameter<String> LAYER = LayerOption.LAYER;
    /** The target layer of all CAM explainers by position: −1 (default) = last convolutional layer, 0 = first. */
    public static final Hyperparameter<Integer> LAYER_INDEX = LayerOption.LAYER_INDEX;

    public GradCamProvider() {
        super(new ExplainerDescriptor(GradCam.ID, "Grad-CAM", VERSION,
                "Gradient-weighted class activation map (Selvaraju et al. 2017): channels of a convolutional layer "
                        + "weighted by their mean class-score gradient, ReLU, bilinear upsampling.",
                false, Hyperparameters.defaults(List.of(LayerOption.LAYER, LayerOption.LAYER_INDEX))));
    }

    @Override
    Explainer create(Classifier classifier, String layer, Hyperparameters options) {
        return new GradCam(classifier, layer);
    }
}
