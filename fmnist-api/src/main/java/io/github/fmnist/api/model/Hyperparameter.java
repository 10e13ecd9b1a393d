package io.github.fmnist.api.model;

import io.github.fmnist.api.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed, documented hyperparameter: its name, type, default, allowed range and a one-line description.
 * Providers declare theirs as constants and read values with {@link Hyperparameters#get(Hyperparameter)}.
 *
 * <pre>{@code
 * static final Hyperparameter<Integer> EPOCHS =
 *         Hyperparameter.ofInt("epochs", 15, 1, 1000, "passes over the training set");
 * }</pre>
 *
 * @param <T> {@code Integer}, {@code Long}, {@code Double}, {@code Boolean} or {@code String}
 */
public final class Hyperparameter<T> {
    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final Function<String, T> parser;
    private final Function<T, String> validator;

    private Hyperparameter(String name, Class<T> type, T defaultValue, String description,
                           Function<String, T> parser, Function<T, String> validator) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.description = Objects.requireNonNull(description, "description");
        this.parser = parser;
        this.validator = validator;
        this.defaultValue = validate(defaultValue);
    }

    /** An integer in {@code [min, max]}. */
    public static Hyperparameter<Integer> ofInt(String name, int defaultValue, int min, int max, String description) {
        return new Hyperparameter<>(name, Integer.class, defaultValue, description,
                text -> Integer.valueOf(text.trim()),
                v -> v < min || v > max ? "must be in [" + min + ", " + max + "]" : null);
    }

    /** A long in {@code [min, max]}. */
    public static Hyperparameter<Long> ofLong(String name, long defaultValue, long min, long max, String description) {
        return new Hyperparameter<>(name, Long.class, defaultValue, description,
                text -> Long.valueOf(text.trim()),
                v -> v < min || v > max ? "must be in [" + min + ", " + max + "]" : null);
    }

    /** A finite decimal in {@code [min, max]}. */
    public static Hyperparameter<Double> ofDouble(String name, double defaultValue, double min, double max, String description) {
        return new Hyperparameter<>(name, Double.class, defaultValue, description,
                text -> Double.valueOf(text.trim()),
                v -> !Double.isFinite(v) || v < min || v > max ? "must be in [" + min + ", " + max + "]" : null);
    }

    /** {@code true} or {@code false}. */
    public static Hyperparameter<Boolean> ofBoolean(String name, boolean defaultValue, String description) {
        return new Hyperparameter<>(name, Boolean.class, defaultValue, description, Hyperparameter::parseBoolean, v -> null);
    }

    /** One of a fixed set of words. */
    public static Hyperparameter<String> ofChoice(String name, String defaultValue, List<String> choices, String description) {
        List<String> allowed = List.copyOf(choices);
        return new Hyperparameter<>(name, String.class, defaultValue, description + " " + allowed,
                String::trim,
                v -> allowed.contains(v) ? null : "must be one of " + allowed);
    }

    /** Free text that must not be blank, such as a layer name that depends on the model. */
    public static Hyperparameter<String> ofText(String name, String defaultValue, String description) {
        return new Hyperparameter<>(name, String.class, defaultValue, description,
                String::trim,
                v -> v.isBlank() ? "must not be blank" : null);
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /**
     * Parses and validates a textual value.
     *
     * @throws InvalidInputException naming the hyperparameter, the text and what is allowed
     */
    public T parse(String text) {
        T value;
        try {
            value = parser.apply(text);
        } catch (RuntimeException e) {
            throw new InvalidInputException("hyperparameter '" + name + "': cannot read '" + text + "' as " + type.getSimpleName());
        }
        return validate(value);
    }

    /** Checks the value's type and range, returning it. */
    public T validate(Object value) {
        if (!type.isInstance(value)) {
            throw new InvalidInputException("hyperparameter '" + name + "' expects " + type.getSimpleName() + ", found "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        T typed = type.cast(value);
        String problem = validator.apply(typed);
        if (problem != null) {
            throw new InvalidInputException("hyperparameter '" + name + "' " + problem + ", found " + typed);
        }
        return typed;
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ", default " + defaultValue + "): " + description;
    }
}
