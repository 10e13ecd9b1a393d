package io.github.fmnist.explain.cam;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.model.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Score-CAM (Wang et al., 2020): gradient-free weights. Each channel of the target layer is upsampled to
 * 28×28 and rescaled to [0, 1]; the image multiplied by that mask is classified, and the channel's weight
 * is the target probability of the masked image minus that of an all-background (black) image, the
 * paper's "increase of confidence". The weighted channels are summed, cut at zero, upsampled and
 * normalised as in {@link GradCam}. All masked images of one explanation go to the classifier in batches
 * of at most {@code batchSize} images. Thread-safe when the classifier is.
 */
public final class ScoreCam extends CamExplainer {
    /** The explainer id. */
    public static final String ID = "scorecam";

    private final int batchSize;

    /**
     * @param batchSize most masked images per {@code predictNormalized} call
     * @see GradCam#GradCam(Classifier, String)
     */
    public ScoreCam(Classifier classifier, String layer, int batchSize) {
        super(ID, classifier, layer);
        if (batchSize < 1) {
            throw new InvalidInputException("batch size must be at least 1, found " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    double[] coarseMap(ActivationGradients g, FeatureGeometry geometry, float[] input, FashionClass target) {
        int plane = g.height() * g.width();
        double[] activations = g.activations();
        List<Integer> informative = new ArrayList<>();
        List<float[]> maskedImages = new ArrayList<>();
        for (int c = 0; c < g.channels(); c++) {
            double[] channel = new double[plane];
            System.arraycopy(activations, c * plane, channel, 0, plane);
            double[] mask = FeatureMaps.minMax(FeatureMaps.upsample(channel, geometry));
            if (isZero(mask)) {
                continue; // a constant channel masks everything out and carries no spatial information
            }
            float[] masked = new float[Image.PIXELS];
            for (int i = 0; i < Image.PIXELS; i++) {
                masked[i] = (float) (input[i] * mask[i]);
            }
            informative.add(c);
            maskedImages.add(masked);
        }
        maskedImages.add(new float[Image.PIXELS]); // the baseline: background only
        float[] probabilities = targetProbabilities(maskedImages, target);
        double baseline = probabilities[probabilities.length - 1];
        double[] weights = new double[g.channels()];
        for (int j = 0; j < informative.size(); j++) {
            weights[informative.get(j)] = probabilities[j] - baseline;
        }
        return weightedSum(g, weights);
    }

    private float[] targetProbabilities(List<float[]> images, FashionClass target) {
        float[] out = new float[images.size()];
        for (int from = 0; from < images.size(); from += batchSize) {
            int to = Math.min(images.size(), from + batchSize);
            float[] nchw = new float[(to - from) * Image.PIXELS];
            for (int i = from; i < to; i++) {
                System.arraycopy(images.get(i), 0, nchw, (i - from) * Image.PIXELS, Image.PIXELS);
            }
            float[][] rows = classifier.predictNormalized(nchw);
            for (int i = from; i < to; i++) {
                out[i] = rows[i - from][target.label()];
            }
        }
        return out;
    }

    private static boolean isZero(double[] values) {
        for (double v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
