package io.github.fmnist.explain.cam;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.List;

/** The target-layer options shared by the CAM providers: a layer name, or a position in the list of convolutional layers. */
final class LayerOption {
    /**
     * Which convolutional layer to read: 0 is the first (input side), 1 the second, …; negative values
     * count from the end, so the default −1 is the last convolutional layer, as Grad-CAM recommends.
     */
    static final Hyperparameter<Integer> LAYER_INDEX = Hyperparameter.ofInt("layer-index", -1, -64, 63,
            "convolutional layer to explain: 0 = first, -1 = last (default), negative counts from the end");

    /** The value of {@link #LAYER} that defers to {@link #LAYER_INDEX}. */
    static final String BY_INDEX = "auto";

    /** A convolutional layer by name (as the classifier lists it); the default "auto" uses {@link #LAYER_INDEX}. */
    static final Hyperparameter<String> LAYER = Hyperparameter.ofText("layer", BY_INDEX,
            "convolutional layer to explain by name; 'auto' (default) picks it by layer-index");

    private LayerOption() {
    }

    /** The layer the options select: {@code layer} by name unless it is "auto", otherwise by {@code layer-index}. */
    static String resolve(ConvolutionGradients gradients, Hyperparameters options) {
        String name = options.get(LAYER);
        if (!name.equals(BY_INDEX)) {
            if (!gradients.convolutionLayers().contains(name)) {
                throw new InvalidInputException("no convolutional layer '" + name + "'; layers: " + gradients.convolutionLayers());
            }
            return name;
        }
        return resolve(gradients, options.get(LAYER_INDEX));
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
