package io.github.fmnist.testkit.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only explainer that needs a capability: for a classifier whose {@link NetworkExportable} description is
 * Flatten then one Dense layer, a pixel's relevance is its positive contribution {@code w[pixel, target] · x[pixel]}
 * to the target's logit, divided by the largest. Any other classifier is unsupported.
 */
public final class DenseWeightsProvider implements ExplainerProvider {
    static final String ID = "toy-dense-weights";
    private static final ExplainerDescriptor DESCRIPTOR = new ExplainerDescriptor(ID, "Dense weights (toy)", "1",
            "Test-only: each pixel's contribution to the target logit of a one-layer network.", false,
            Hyperparameters.defaults(List.of()));

    @Override
    public ExplainerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean supports(Classifier classifier) {
        return denseWeights(classifier).isPresent();
    }

    @Override
    public Explainer create(Classifier classifier, Hyperparameters options) {
        float[] weights = denseWeights(classifier).orElseThrow(() -> new UnsupportedFeatureException(
                ID + " needs a NetworkExportable classifier described as Flatten + Dense; " + classifier + " is not"));
        return new DenseWeights(classifier, weights);
    }

    private static Optional<float[]> denseWeights(Classifier classifier) {
        return classifier.unwrap(NetworkExportable.class).map(NetworkExportable::describeNetwork).flatMap(DenseWeightsProvider::weights);
    }

    private static Optional<float[]> weights(NetworkDescription network) {
        List<NetworkNode> nodes = network.nodes();
        if (nodes.size() == 2 && nodes.get(0).layer() instanceof Layer.Flatten
                && nodes.get(1).layer() instanceof Layer.Dense dense && dense.inputs() == Image.PIXELS
                && network.logits().equals(nodes.get(1).name())) {
            return Optional.of(dense.weights());
        }
        return Optional.empty();
    }

    private record DenseWeights(Classifier classifier, float[] weights) implements Explainer {
        @Override
        public Explanation explain(Image image, FashionClass target) {
            float[] x = image.toNormalized();
            return explain(x, target, classifier.predictNormalized(x)[0]);
        }

        @Override
        public Explanation explainPredicted(Image image) {
            float[] x = image.toNormalized();
            float[] p = classifier.predictNormalized(x)[0];
            return explain(x, FashionClass.of(Prediction.argmax(p)), p);
        }

        private Explanation explain(float[] x, FashionClass target, float[] probabilities) {
            float[] contribution = new float[Image.PIXELS];
            float max = 0;
            for (int p = 0; p < Image.PIXELS; p++) {
                contribution[p] = Math.max(0f, weights[p * FashionClass.COUNT + target.label()] * x[p]);
                max = Math.max(max, contribution[p]);
            }
            for (int p = 0; p < Image.PIXELS && max > 0; p++) {
                contribution[p] = Math.min(1f, contribution[p] / max);
            }
            return new Explanation(ID, target, probabilities[target.label()], contribution, Map.of());
        }
    }
}
