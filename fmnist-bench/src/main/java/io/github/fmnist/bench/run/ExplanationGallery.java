package io.github.fmnist.bench.run;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import io.github.fmnist.explain.render.GalleryEntry;
import io.github.fmnist.explain.render.GalleryRenderer;
import io.github.fmnist.explain.render.GallerySelection;
import io.github.fmnist.explain.render.HeatmapRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's explanation figures, made with fmnist-explain: for each class a correctly classified and a
 * misclassified test image (where there is one), explained for the predicted class, as one gallery PNG plus
 * one original | heatmap | overlay figure per image.
 */
final class ExplanationGallery {
    private static final Logger LOG = LoggerFactory.getLogger(ExplanationGallery.class);
    private static final int GALLERY_SCALE = 4;
    private static final int GALLERY_COLUMNS = 2;

    private final PluginRegistry registry;
    private final String explainerId;

    ExplanationGallery(PluginRegistry registry, String explainerId) {
        this.registry = registry;
        this.explainerId = explainerId;
    }

    /** Makes the figures under {@code outputDirectory/figures}, or nothing (logged) if the explainer cannot run. */
    Optional<GalleryInfo> make(String modelId, Classifier classifier, LabeledDataset test, float[][] probabilities,
                               Path outputDirectory) throws IOException {
        Optional<ExplainerProvider> provider = registry.explainer(explainerId);
        if (provider.isEmpty()) {
            LOG.warn("no explanation gallery: explainer '{}' is not on the class path (found {})", explainerId,
                    registry.explainers().stream().map(ExplainerProvider::id).toList());
            return Optional.empty();
        }
        if (!provider.get().supports(classifier)) {
            LOG.warn("no explanation gallery: explainer '{}' does not support model '{}'", explainerId, modelId);
            return Optional.empty();
        }
        Explainer explainer = provider.get().create(classifier, provider.get().descriptor().defaults());
        List<Prediction> predictions = new ArrayList<>(probabilities.length);
        for (float[] row : probabilities) {
            predictions.add(new Prediction(row));
        }
        int[] chosen = GallerySelection.correctAndWrongPerClass(predictions, test.labels());
        HeatmapRenderer single = new HeatmapRenderer();
        List<GalleryEntry> entries = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        Path figureDir = outputDirectory.resolve("figures");
        for (int index : chosen) {
            Image image = test.images().get(index);
            FashionClass truth = test.fashionClass(index);
            Prediction prediction = predictions.get(index);
            Explanation explanation = explainer.explain(image, prediction.predicted());
            entries.add(new GalleryEntry(image, explanation, prediction, truth));
            String name = String.format(Locale.ROOT, "%s-%s-test%05d-%s.png", explainerId, modelId, index,
                    prediction.predicted() == truth ? "correct" : "wrong");
            Path file = figureDir.resolve(name);
            single.write(file, image, explanation, prediction, truth);
            figures.add(outputDirectory.relativize(file).toString());
        }
        Path gallery = figureDir.resolve(explainerId + "-" + modelId + "-gallery.png");
        new GalleryRenderer(GALLERY_SCALE, HeatmapRenderer.DEFAULT_ALPHA, GALLERY_COLUMNS)
                .write(gallery, provider.get().descriptor().displayName() + " on " + modelId
                        + ": a correct and a wrong prediction per class", entries);
        return Optional.of(new GalleryInfo(modelId, explainerId, outputDirectory.relativize(gallery).toString(), figures));
    }
}
