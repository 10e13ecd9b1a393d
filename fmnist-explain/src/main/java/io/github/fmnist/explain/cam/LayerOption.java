package io.github.fmnist.explain.cam;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.model.Hyperparameter;
import java.util.List;

/** The target-layer option shared by the CAM providers: a position in the list of convolutional layers. */
final class LayerOption {
    /**
     * Which convolutional layer to read: 0 is the first (input side), 1 the second, …; negative values
     * count from the end, so the default −1 is the last convolutional layer, as Grad-CAM recommends.
     */
    static final Hyperparameter<Integer> LAYER_INDEX = Hyperparameter.ofInt("layer-index", -1, -64, 63,
            "convolutional layer to explain: 0 = first, -1 = last (default), negative counts from the end");

    private LayerOption() {
    }

    /** The name of the layer {@code index} selects. */
    static String resolve(ConvolutionGradients gradients, int index) {
        List<String> layers = gradients.convolutionLayers();
        int position = index < 0 ? layers.size() + index : index;
        if (position < 0 || position >= layers.size()) {
            throw new InvalidInputException("layer-index " + index + " is outside the " + layers.size()
                    + " convolutional layers " + layers);
        }
        return layers.get(position);
    }
}
