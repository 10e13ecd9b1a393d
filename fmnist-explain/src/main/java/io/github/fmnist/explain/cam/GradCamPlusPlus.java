package io.github.fmnist.explain.cam;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.model.Classifier;

/**
 * Grad-CAM++ (Chattopadhay et al., 2018) with the paper's closed-form weights for the smooth score
 * {@code exp(S)}, where {@code S} is the pre-softmax class score and {@code g = ∂S/∂A}:
 * <pre>
 *   α_kij = g_kij² / (2·g_kij² + Σ_ab A_kab · g_kij³)      (0 where the denominator is 0)
 *   w_k   = Σ_ij α_kij · ReLU(exp(S) · g_kij)
 * </pre>
 * The common factor {@code exp(S)} is dropped: it scales every weight alike and the map is normalised
 * anyway, and dropping it avoids overflow for large scores. The weighted sum of channels then goes through
 * ReLU, bilinear upsampling and normalisation exactly as in {@link GradCam}. Thread-safe when the
 * classifier is.
 */
public final class GradCamPlusPlus extends CamExplainer {
    /** The explainer id. */
    public static final String ID = "gradcam++";

    /** @see GradCam#GradCam(Classifier, String) */
    public GradCamPlusPlus(Classifier classifier, String layer) {
        super(ID, classifier, layer);
    }

    /** Grad-CAM++ on the classifier's last convolutional layer. */
    public GradCamPlusPlus(Classifier classifier) {
        this(classifier, requireGradients(classifier, ID).defaultLayer());
    }

    @Override
    double[] coarseMap(ActivationGradients g, FeatureGeometry geometry, float[] input, FashionClass target) {
        int plane = g.height() * g.width();
        double[] activations = g.activations();
        double[] gradients = g.gradients();
        double[] weights = new double[g.channels()];
        for (int c = 0; c < g.channels(); c++) {
            int base = c * plane;
            double activationSum = 0;
            for (int i = base; i < base + plane; i++) {
                activationSum += activations[i];
            }
            double weight = 0;
            for (int i = base; i < base + plane; i++) {
                double grad = gradients[i];
                if (grad <= 0) {
                    continue; // ReLU(g) = 0: the term vanishes whatever α is
                }
                double g2 = grad * grad;
                double denominator = 2 * g2 + activationSum * g2 * grad;
                if (denominator != 0) {
                    weight += g2 / denominator * grad;
                }
            }
            weights[c] = weight;
        }
        return weightedSum(g, weights);
    }
}
