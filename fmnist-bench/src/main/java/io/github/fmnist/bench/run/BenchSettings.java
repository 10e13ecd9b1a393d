package io.github.fmnist.bench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One bench run's configuration, from the command line.
 *
 * @param profile          data sizes, presets and epoch overrides
 * @param seed             seeds the split, the subsets and every model
 * @param models           model ids, in report order
 * @param outputDirectory  where the report, results and models go
 * @param presets          per model id, a preset chosen on the command line (wins over the profile's)
 * @param hyperparameters  per model id, values set on the command line (win over the profile's)
 * @param galleryModel     the model whose decisions the explanation gallery shows
 * @param galleryExplainer the explainer used for it
 * @param exportOnnx       whether networks are exported and timed under ONNX Runtime
 * @param jobs             how many models may train at the same time (at least 1); speed measurements still
 *                         run one model at a time, with no training running
 */
public record BenchSettings(BenchProfile profile, long seed, List<String> models, Path outputDirectory,
                            Map<String, String> presets, Map<String, Map<String, String>> hyperparameters,
                            String galleryModel, String galleryExplainer, boolean exportOnnx, int jobs) {
    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;

    public BenchSettings {
        Objects.requireNonNull(profile, "profile");
        models = List.copyOf(models);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        presets = Map.copyOf(presets);
        hyperparameters = Map.copyOf(hyperparameters);
        Objects.requireNonNull(galleryModel, "galleryModel");
        Objects.requireNonNull(galleryExplainer, "galleryExplainer");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    /** One job per available processor: with one native thread per training this uses every core. */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** These settings writing to {@code directory}. */
    public BenchSettings withOutputDirectory(Path directory) {
        return new BenchSettings(profile, seed, models, directory, presets, hyperparameters, galleryModel, galleryExplainer,
                exportOnnx, jobs);
    }

    /** These settings with {@code count} jobs. */
    public BenchSettings withJobs(int count) {
        return new BenchSettings(profile, seed, models, outputDirectory, presets, hyperparameters, galleryModel,
                galleryExplainer, exportOnnx, count);
    }

    /**
     * The default models ({@link BenchProfile#DEFAULT_MODELS}) with the profile's settings, Grad-CAM on the CNN, ONNX
     * export on, {@link #defaultJobs()} jobs.
     */
    public static BenchSettings of(BenchProfile profile, Path outputDirectory) {
        return new BenchSettings(profile, DEFAULT_SEED, BenchProfile.DEFAULT_MODELS, outputDirectory, Map.of(), Map.of(),
                "cnn", "gradcam", true, defaultJobs());
    }
}
