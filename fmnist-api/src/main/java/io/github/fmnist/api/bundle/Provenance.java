package io.github.fmnist.api.bundle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a trained model came from, recorded in its bundle.
 *
 * @param datasetSha256 SHA-256 of each uncompressed dataset file used, by file name
 * @param seed          the training seed
 * @param split         how the data was split, e.g. {@code "train 54000 / validation 6000 stratified"}
 * @param epochs        epochs trained (0 for models without epochs)
 * @param createdAt     when the model was trained
 * @param java          Java runtime version
 * @param os            operating system and architecture
 */
public record Provenance(Map<String, String> datasetSha256, long seed, String split, int epochs, Instant createdAt,
                         String java, String os) {
    public Provenance {
        datasetSha256 = Collections.unmodifiableMap(new TreeMap<>(datasetSha256));
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(os, "os");
    }

    /** Provenance stamped with the current time, Java version and OS. */
    public static Provenance now(Map<String, String> datasetSha256, long seed, String split, int epochs) {
        return new Provenance(datasetSha256, seed, split, epochs, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
