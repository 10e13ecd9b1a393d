package io.github.fmnist.api.capability;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import java.util.List;

/**
 * Capability of a convolutional classifier: the activations of a named convolutional layer and the
 * gradient of a class's pre-softmax score with respect to them, computed in inference mode (dropout as
 * identity, batch normalisation with its running statistics). Grad-CAM and its relatives need only this.
 * Implementations are thread-safe like the classifier itself.
 */
public interface ConvolutionGradients {

    /** Names of the convolutional layers, input side first. */
    List<String> convolutionLayers();

    /** The layer Grad-CAM uses by default: the last convolutional layer. */
    default String defaultLayer() {
        List<String> layers = convolutionLayers();
        return layers.get(layers.size() - 1);
    }

    /**
     * Activations and score gradients for one image given as 784 normalised pixels in [0, 1].
     *
     * @param layer  one of {@link #convolutionLayers()}
     * @param target the class whose pre-softmax score is differentiated
     * @throws io.github.fmnist.api.InvalidInputException for an unknown layer or wrong-sized input
     */
    ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target);

    /** As {@link #gradients(float[], String, FashionClass)} for an {@link Image}. */
    default ActivationGradients gradients(Image image, String layer, FashionClass target) {
        return gradients(image.toNormalized(), layer, target);
    }
}
