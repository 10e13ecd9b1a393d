package io.github.fmnist.api.model;

import io.github.fmnist.api.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of hyperparameter values over a fixed list of declared {@link Hyperparameter}s.
 * Values not set explicitly are the declared defaults.
 *
 * <pre>{@code
 * Hyperparameters hp = provider.descriptor().preset("default")
 *         .with(EPOCHS, 3)
 *         .with("learning-rate", "0.0005");   // from text, e.g. a command line
 * int epochs = hp.get(EPOCHS);
 * }</pre>
 */
public final class Hyperparameters {
    private final Map<String, Hyperparameter<?>> specs;
    private final Map<String, Object> values;

    private Hyperparameters(Map<String, Hyperparameter<?>> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /** All declared hyperparameters at their defaults. */
    public static Hyperparameters defaults(List<Hyperparameter<?>> declared) {
        Map<String, Hyperparameter<?>> specs = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyperparameter<?> h : declared) {
            if (specs.put(h.name(), h) != null) {
                throw new IllegalArgumentException("hyperparameter '" + h.name() + "' declared twice");
            }
            values.put(h.name(), h.defaultValue());
        }
        return new Hyperparameters(Collections.unmodifiableMap(specs), Collections.unmodifiableMap(values));
    }

    /** The value of {@code key}. */
    public <T> T get(Hyperparameter<T> key) {
        Hyperparameter<?> declared = specs.get(key.name());
        if (declared == null || !declared.type().equals(key.type())) {
            throw new InvalidInputException("hyperparameter '" + key.name() + "' is not declared here; known: " + specs.keySet());
        }
        return key.type().cast(values.get(key.name()));
    }

    /** A copy with {@code key} set to {@code value} (validated). */
    public <T> Hyperparameters with(Hyperparameter<T> key, T value) {
        Hyperparameter<?> declared = require(key.name());
        return put(key.name(), declared.validate(value));
    }

    /**
     * A copy with the hyperparameter called {@code name} parsed from {@code text}.
     *
     * @throws InvalidInputException for unknown names (listing the known ones) and unreadable values
     */
    public Hyperparameters with(String name, String text) {
        return put(name, require(name).parse(text));
    }

    /** A copy with every entry of {@code texts} applied as by {@link #with(String, String)}. */
    public Hyperparameters withAll(Map<String, String> texts) {
        Hyperparameters result = this;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    /** The declared hyperparameters, in declaration order. */
    public List<Hyperparameter<?>> declared() {
        return List.copyOf(specs.values());
    }

    /** Every value as text, in declaration order (what bundles and reports record). */
    public Map<String, String> asText() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return Collections.unmodifiableMap(out);
    }

    private Hyperparameter<?> require(String name) {
        Hyperparameter<?> h = specs.get(name);
        if (h == null) {
            throw new InvalidInputException("unknown hyperparameter '" + name + "'; known: " + specs.keySet());
        }
        return h;
    }

    private Hyperparameters put(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Hyperparameters(specs, Collections.unmodifiableMap(copy));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hyperparameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return asText().toString();
    }
}
