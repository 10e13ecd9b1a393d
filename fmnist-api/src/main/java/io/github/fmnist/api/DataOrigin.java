package io.github.fmnist.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the examples of a {@link LabeledDataset} came from: the checksums of the files they were read from and
 * how they were drawn from them. Trainers copy it into the model's provenance, so a bundle says what it was
 * trained on without the caller having to.
 *
 * @param sha256      SHA-256 (lower-case hex) of each uncompressed source file, by file name; empty if unknown
 * @param description how the examples were chosen, e.g. {@code "Fashion-MNIST train, stratified split seed 42: 54000 of 60000"}
 */
public record DataOrigin(Map<String, String> sha256, String description) {
    private static final DataOrigin UNKNOWN = new DataOrigin(Map.of(), "unknown");

    public DataOrigin {
        sha256 = Collections.unmodifiableMap(new TreeMap<>(sha256));
        Objects.requireNonNull(description, "description");
    }

    /** The origin of examples made in memory, with no files behind them. */
    public static DataOrigin unknown() {
        return UNKNOWN;
    }

    /** The same files, described as {@code description}. */
    public DataOrigin describedAs(String description) {
        return new DataOrigin(sha256, description);
    }

    /** Both origins' files, with {@code description}. */
    public DataOrigin combinedWith(DataOrigin other, String description) {
        Map<String, String> both = new TreeMap<>(sha256);
        both.putAll(other.sha256);
        return new DataOrigin(both, description);
    }
}
