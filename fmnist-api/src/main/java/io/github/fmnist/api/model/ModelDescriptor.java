package io.github.fmnist.api.model;

import io.github.fmnist.api.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a model provider describes itself, so that tools can list and configure it without knowing it.
 *
 * @param id          short stable identifier, lower case ({@code "cnn"}, {@code "logreg"}); used on command lines and in bundles
 * @param displayName human name ({@code "Convolutional network"})
 * @param family      a grouping such as {@code "deep"}, {@code "classic"} or {@code "runtime"}
 * @param version     the provider's version; bundles record it
 * @param description one or two sentences on what the model is
 * @param trainable   whether {@link ModelProvider#trainer(Hyperparameters)} is supported
 * @param presets     named hyperparameter sets; always holds {@value #DEFAULT_PRESET}
 */
public record ModelDescriptor(String id, String displayName, String family, String version, String description,
                              boolean trainable, Map<String, Hyperparameters> presets) {

    /** The preset every provider has. */
    public static final String DEFAULT_PRESET = "default";

    public ModelDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        if (!id.matches("[a-z0-9][a-z0-9+._-]*")) {
            throw new IllegalArgumentException("provider id must be lower-case letters, digits, '+', '.', '_' or '-': " + id);
        }
        if (!presets.containsKey(DEFAULT_PRESET)) {
            throw new IllegalArgumentException("provider " + id + " has no '" + DEFAULT_PRESET + "' preset");
        }
        presets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(presets));
    }

    /** The default hyperparameters. */
    public Hyperparameters defaults() {
        return presets.get(DEFAULT_PRESET);
    }

    /**
     * The named preset.
     *
     * @throws InvalidInputException naming the known presets if there is none by that name
     */
    public Hyperparameters preset(String name) {
        Hyperparameters h = presets.get(name);
        if (h == null) {
            throw new InvalidInputException("model '" + id + "' has no preset '" + name + "'; presets: " + presets.keySet());
        }
        return h;
    }

    /** The declared hyperparameters. */
    public List<Hyperparameter<?>> hyperparameters() {
        return defaults().declared();
    }
}
