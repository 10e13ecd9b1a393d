package io.github.fmnist.explain.cam;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.explain.BatchedExplainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the class-activation-map family shares: fetch a layer's activations and score gradients, let the
 * method combine them into a coarse map, upsample it to 28×28 and normalise it. Many images are explained with
 * one prediction call and one batched {@link ConvolutionGradients} call. Holds no mutable state, so an
 * instance is as thread-safe as its classifier.
 */
abstract sealed class CamExplainer implements BatchedExplainer permits GradCam, GradCamPlusPlus, ScoreCam {
    private static final Logger LOG = LoggerFactory.getLogger(CamExplainer.class);
    private final String method;
    final Classifier classifier;
    private final ConvolutionGradients gradients;
    private final String layer;
    private final Optional<FeatureGeometry> derivedGeometry;

    CamExplainer(String method, Classifier classifier, String layer) {
        this.method = method;
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.gradients = requireGradients(classifier, method);
        this.layer = Objects.requireNonNull(layer, "layer");
        if (!gradients.convolutionLayers().contains(layer)) {
            throw new InvalidInputException("no convolutional layer '" + layer + "' in " + classifier.info().providerId()
                    + "; layers: " + gradients.convolutionLayers());
        }
        this.derivedGeometry = classifier.unwrap(NetworkExportable.class).flatMap(CamExplainer::describe)
                .flatMap(network -> FeatureGeometry.of(network, layer));
    }

    private static Optional<NetworkDescription> describe(NetworkExportable exportable) {
        try {
            return Optional.of(exportable.describeNetwork());
        } catch (FmnistException e) {
            LOG.debug("no network description, feature maps will be aligned uniformly: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static ConvolutionGradients requireGradients(Classifier classifier, String method) {
        return classifier.unwrap(ConvolutionGradients.class).orElseThrow(() -> new UnsupportedFeatureException(
                method + " needs a classifier with convolution gradients; '" + classifier.info().providerId()
                        + "' has none (use occlusion for any classifier)"));
    }

    /** The convolutional layer this explainer reads. */
    public String layer() {
        return layer;
    }

    @Override
    public Explanation explain(Image image, FashionClass target) {
        return explainAll(ImageBatch.of(image), List.of(target)).get(0);
    }

    @Override
    public Explanation explainPredicted(Image image) {
        return explainAllPredicted(ImageBatch.of(image)).get(0);
    }

    /** One prediction call and one batched gradients call for all the images. */
    @Override
    public List<Explanation> explainAll(ImageBatch images, List<FashionClass> targets) {
        if (images.size() != targets.size()) {
            throw new InvalidInputException(images.size() + " images but " + targets.size() + " target classes");
        }
        if (images.isEmpty()) {
            return List.of();
        }
        float[] nchw = images.toNormalizedNchw();
        return explain(nchw, targets, classifier.predictNormalized(nchw));
    }

    @Override
    public List<Explanation> explainAllPredicted(ImageBatch images) {
        if (images.isEmpty()) {
            return List.of();
        }
        float[] nchw = images.toNormalizedNchw();
        float[][] probabilities = classifier.predictNormalized(nchw);
        List<FashionClass> targets = new ArrayList<>(probabilities.length);
        for (float[] row : probabilities) {
            targets.add(FashionClass.of(Prediction.argmax(row)));
        }
        return explain(nchw, targets, probabilities);
    }

    private List<Explanation> explain(float[] nchw, List<FashionClass> targets, float[][] probabilities) {
        List<ActivationGradients> all = gradients.gradients(nchw, layer, targets);
        List<Explanation> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            float[] input = Arrays.copyOfRange(nchw, i * Image.PIXELS, (i + 1) * Image.PIXELS);
            FashionClass target = targets.get(i);
            out.add(explain(all.get(i), input, target, probabilities[i][target.label()]));
        }
        return out;
    }

    private Explanation explain(ActivationGradients g, float[] input, FashionClass target, float probability) {
        FeatureGeometry geometry = geometry(g);
        double[] coarse = coarseMap(g, geometry, input, target);
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = Math.max(0, coarse[i]);
        }
        float[] relevance = FeatureMaps.normalize(FeatureMaps.upsample(coarse, geometry));
        return new Explanation(method, target, probability, relevance, Map.of("layer", layer,
                "featureMap", g.height() + "x" + g.width(), "alignment", geometry.uniform() ? "uniform" : "receptive-field"));
    }

    /**
     * The receptive-field geometry derived from the classifier's network description when it offers one
     * whose layer matches the gradients' size; otherwise the cells are assumed to tile the input evenly.
     */
    FeatureGeometry geometry(ActivationGradients g) {
        return derivedGeometry.filter(d -> d.height() == g.height() && d.width() == g.width())
                .orElseGet(() -> FeatureGeometry.uniform(g.height(), g.width()));
    }

    /**
     * The method's map at the layer's resolution ({@code height × width}, row-major) before the final
     * ReLU; {@code geometry} places the layer's cells on the input, {@code input} is the normalised image.
     */
    abstract double[] coarseMap(ActivationGradients g, FeatureGeometry geometry, float[] input, FashionClass target);

    /** Σ_k weight_k · A_k over channels. */
    static double[] weightedSum(ActivationGradients g, double[] weights) {
        int plane = g.height() * g.width();
        double[] activations = g.activations();
        double[] out = new double[plane];
        for (int c = 0; c < g.channels(); c++) {
            double w = weights[c];
            if (w == 0) {
                continue;
            }
            int base = c * plane;
            for (int i = 0; i < plane; i++) {
                out[i] += w * activations[base + i];
            }
        }
        return out;
    }
}
