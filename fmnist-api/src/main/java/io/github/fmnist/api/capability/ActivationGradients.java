package io.github.fmnist.api.capability;

import io.github.fmnist.api.FashionClass;

/**
 * A layer's activations for one image and the gradient of a class score with respect to them.
 * Both arrays are {@code channels × height × width}, channel-major.
 *
 * @param layer       the layer name
 * @param target      the class whose score was differentiated
 * @param classScore  that class's pre-softmax score
 * @param activations the layer's output
 * @param gradients   ∂score / ∂activations
 */
public record ActivationGradients(String layer, FashionClass target, double classScore, int channels, int height,
                                  int width, double[] activations, double[] gradients) {
    public ActivationGradients {
        long expected = (long) channels * height * width;
        if (activations.length != expected || gradients.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " activations and gradients for "
                    + channels + "×" + height + "×" + width + ", found " + activations.length + " and " + gradients.length);
        }
        activations = activations.clone();
        gradients = gradients.clone();
    }

    @Override
    public double[] activations() {
        return activations.clone();
    }

    @Override
    public double[] gradients() {
        return gradients.clone();
    }

    /** Activation at channel {@code c}, row {@code y}, column {@code x}. */
    public double activation(int c, int y, int x) {
        return activations[(c * height + y) * width + x];
    }

    /** Gradient at channel {@code c}, row {@code y}, column {@code x}. */
    public double gradient(int c, int y, int x) {
        return gradients[(c * height + y) * width + x];
    }
}
