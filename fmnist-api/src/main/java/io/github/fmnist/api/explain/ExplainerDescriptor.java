package io.github.fmnist.api.explain;

import io.github.fmnist.api.model.Hyperparameters;
import java.util.Objects;

/**
 * How an explainer describes itself.
 *
 * @param id            short stable id ({@code "gradcam"}, {@code "occlusion"})
 * @param displayName   human name
 * @param version       the explainer's version
 * @param description   one or two sentences on the method
 * @param modelAgnostic whether it works on any classifier (needs no capability)
 * @param defaults      its options at their defaults
 */
public record ExplainerDescriptor(String id, String displayName, String version, String description,
                                  boolean modelAgnostic, Hyperparameters defaults) {
    public ExplainerDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaults, "defaults");
    }
}
