package io.github.fmnist.api.capability;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Classifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Capability of a convolutional classifier: the activations of a named convolutional layer and the
 * gradient of a class's pre-softmax score with respect to them, computed in inference mode (dropout as
 * identity, batch normalisation with its running statistics). Grad-CAM and its relatives need only this.
 * Implementations are thread-safe like the classifier itself.
 *
 * <p>An implementation must answer {@link #gradients(float[], String, FashionClass)} for one image; the batch
 * method {@link #gradients(float[], String, List)} asks for the images one at a time unless the implementation
 * overrides it with a batched pass, which is where a network library is fast:
 *
 * <pre>{@code
 * ConvolutionGradients g = cnn.unwrap(ConvolutionGradients.class).orElseThrow();
 * List<ActivationGradients> all = g.gradients(images.toNormalizedNchw(), g.defaultLayer(), targets);
 * }</pre>
 *
 * Each image's result is that image's alone: in inference mode nothing couples the images of a batch.
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
     * @throws InvalidInputException for an unknown layer or wrong-sized input
     */
    ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target);

    /** As {@link #gradients(float[], String, FashionClass)} for an {@link Image}. */
    default ActivationGradients gradients(Image image, String layer, FashionClass target) {
        return gradients(image.toNormalized(), layer, target);
    }

    /**
     * Activations and score gradients for many images at once, image {@code i} differentiated for
     * {@code targets.get(i)}; the same values as asking for each image alone, up to float rounding.
     *
     * @param nchw    images as normalised pixels in NCHW order ({@code n × 1 × 28 × 28} values in [0, 1]), as
     *                {@link Classifier#predictNormalized(float[])} takes them
     * @param layer   one of {@link #convolutionLayers()}
     * @param targets one class per image
     * @return one result per image, in image order
     * @throws InvalidInputException for an unknown layer, an input that is empty or not a whole number of
     *         images, or a different number of targets than images
     */
    default List<ActivationGradients> gradients(float[] nchw, String layer, List<FashionClass> targets) {
        int count = requireBatch(nchw, targets);
        List<ActivationGradients> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(gradients(Arrays.copyOfRange(nchw, i * Image.PIXELS, (i + 1) * Image.PIXELS), layer, targets.get(i)));
        }
        return out;
    }

    /**
     * Checks a batch request and returns its number of images; for implementations of the batch method.
     *
     * @throws InvalidInputException if the input is empty or not a whole number of images, or the counts differ
     */
    static int requireBatch(float[] nchw, List<FashionClass> targets) {
        int count = Classifier.imageCount(nchw);
        if (targets.size() != count) {
            throw new InvalidInputException(count + " images but " + targets.size() + " target classes");
        }
        return count;
    }
}
