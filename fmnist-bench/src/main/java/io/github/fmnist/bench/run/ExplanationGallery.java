package io.github.fmnist.bench.run;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.bench.results.BenchResults.GalleryInfo;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Placeholder until fmnist-explain's renderer is installed: makes no gallery and says so. */
final class ExplanationGallery {
    private static final Logger LOG = LoggerFactory.getLogger(ExplanationGallery.class);

    ExplanationGallery(PluginRegistry registry, String explainerId) {
    }

    Optional<GalleryInfo> make(String modelId, Classifier classifier, LabeledDataset test, float[][] probabilities,
                               Path outputDirectory) throws java.io.IOException {
        LOG.warn("no explanation gallery: this build lacks fmnist-explain's renderer");
        return Optional.empty();
    }
}
