package io.github.fmnist.explain.cam;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.model.Classifier;

/**
 * Grad-CAM (Selvaraju et al., 2017): each channel of the target layer is weighted by the spatial mean of
 * the gradient of the pre-softmax class score, the weighted channels are summed, negative evidence is cut
 * (ReLU), and the map is upsampled bilinearly to 28×28 and divided by its maximum.
 *
 * <pre>{@code
 * Explainer cam = new GradCam(cnn, "conv2");        // or via the "gradcam" provider
 * Explanation e = cam.explainPredicted(image);
 * }</pre>
 *
 * Thread-safe when the classifier is.
 */
public final class GradCam extends CamExplainer {
    /** The explainer id. */
    public static final String ID = "gradcam";

    /**
     * @param layer one of the classifier's {@code ConvolutionGradients.convolutionLayers()}
     * @throws io.github.fmnist.api.UnsupportedFeatureException if the classifier offers no gradients
     * @throws io.github.fmnist.api.InvalidInputException if it has no such layer
     */
    public GradCam(Classifier classifier, String layer) {
        super(ID, classifier, layer);
    }

    /** Grad-CAM on the classifier's last convolutional layer. */
    public GradCam(Classifier classifier) {
        this(classifier, requireGradients(classifier, ID).defaultLayer());
    }

    @Override
    double[] coarseMap(ActivationGradients g, FeatureGeometry geometry, float[] input, FashionClass target) {
        int plane = g.height() * g.width();
        double[] gradients = g.gradients();
        double[] weights = new double[g.channels()];
        for (int c = 0; c < g.channels(); c++) {
            double sum = 0;
            for (int i = c * plane, end = i + plane; i < end; i++) {
                sum += gradients[i];
            }
            weights[c] = sum / plane;
        }
        return weightedSum(g, weights);
    }
}
