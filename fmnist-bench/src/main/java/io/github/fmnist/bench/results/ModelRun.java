package io.github.fmnist.bench.results;

import io.github.fmnist.api.model.EpochMetrics;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about one model's run whatever its outcome: which plugin, which settings, how training went.
 *
 * @param modelId         provider id
 * @param displayName     provider's display name (the id when the plugin is absent)
 * @param family          provider family ({@code "deep"}, {@code "classic"}, …; empty when absent)
 * @param preset          the preset the hyperparameters started from
 * @param hyperparameters every hyperparameter value as text
 * @param curves          per-epoch metrics reported during training
 * @param trainSeconds    training wall time (up to the interruption for a partial run)
 */
public record ModelRun(String modelId, String displayName, String family, String preset, Map<String, String> hyperparameters,
                       List<EpochMetrics> curves, double trainSeconds) {
    public ModelRun {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(preset, "preset");
        hyperparameters = Map.copyOf(hyperparameters);
        curves = List.copyOf(curves);
    }

    /** A model that never started. */
    public static ModelRun notStarted(String modelId, String displayName, String family) {
        return new ModelRun(modelId, displayName, family, "", Map.of(), List.of(), 0);
    }
}
