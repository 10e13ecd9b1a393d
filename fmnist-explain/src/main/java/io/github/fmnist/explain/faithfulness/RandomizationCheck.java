package io.github.fmnist.explain.faithfulness;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.explain.BatchExplainer;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Model-randomisation sanity check (Adebayo et al., "Sanity Checks for Saliency Maps", 2018): an explainer
 * that reflects what a network learned must give different maps for the same architecture with
 * re-initialised weights. The caller supplies both classifiers; each image is explained for the trained
 * network's predicted class on both, and the maps are compared by Spearman rank correlation.
 *
 * <pre>{@code
 * RandomizationCheck check = new RandomizationCheck(registry.requireExplainer("gradcam"), options);
 * RandomizationResult r = check.run(trainedCnn, untrainedCnn, testImages.slice(0, 200));
 * }</pre>
 *
 * Thread-safe when the explainers and classifiers are.
 */
public final class RandomizationCheck {
    private final Function<Classifier, Explainer> explainerFactory;

    /** @param explainerFactory makes the explainer under test for a classifier */
    public RandomizationCheck(Function<Classifier, Explainer> explainerFactory) {
        this.explainerFactory = Objects.requireNonNull(explainerFactory, "explainerFactory");
    }

    /** Checks the explainer {@code provider} makes with {@code options}. */
    public RandomizationCheck(ExplainerProvider provider, Hyperparameters options) {
        this(classifier -> provider.create(classifier, options));
    }

    /**
     * @param trained    the trained network
     * @param randomized the same architecture with re-initialised weights
     */
    public RandomizationResult run(Classifier trained, Classifier randomized, ImageBatch images) {
        if (images.isEmpty()) {
            throw new InvalidInputException("the randomisation check needs at least one image");
        }
        Explainer onTrained = explainerFactory.apply(trained);
        Explainer onRandomized = explainerFactory.apply(randomized);
        double sum = 0;
        double absoluteSum = 0;
        int defined = 0;
        String method = "";
        List<Explanation> onTrainedMaps = new BatchExplainer(onTrained, 1).explainPredicted(images);
        List<Explanation> onRandomizedMaps = new BatchExplainer(onRandomized, 1)
                .explain(images, onTrainedMaps.stream().map(Explanation::target).toList());
        for (int i = 0; i < images.size(); i++) {
            Explanation a = onTrainedMaps.get(i);
            Explanation b = onRandomizedMaps.get(i);
            method = a.method();
            double rho = SpearmanCorrelation.of(a.relevance(), b.relevance());
            if (!Double.isNaN(rho)) {
                sum += rho;
                absoluteSum += Math.abs(rho);
                defined++;
            }
        }
        return new RandomizationResult(method, images.size(), defined == 0 ? Double.NaN : sum / defined,
                defined == 0 ? Double.NaN : absoluteSum / defined, images.size() - defined);
    }
}
