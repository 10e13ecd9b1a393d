package io.github.fmnist.api.bundle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a trained model came from, recorded in its bundle. Trainers make it from the
 * {@link io.github.fmnist.api.model.TrainingRequest} ({@code request.provenance(epochs, threads)}); callers do not
 * fill it in.
 *
 * @param datasetSha256 SHA-256 of each uncompressed dataset file used, by file name
 * @param seed          the training seed
 * @param split         how the data was split, e.g. {@code "train 54000 / validation 6000 stratified"}
 * @param epochs        epochs actually trained (0 for models without epochs)
 * @param threads       threads the training computed with (results can differ in the last bits between thread
 *                      counts); 0 if unknown
 * @param createdAt     when the model was trained
 * @param java          Java runtime version
 * @param os            operating system and architecture
 */
public record Provenance(Map<String, String> datasetSha256, long seed, String split, int epochs, int threads,
                         Instant createdAt, String java, String os) {
    /**
     * Environment variable of the reproducible-builds convention: seconds since 1970 to use as the creation time,
     * so that a regenerated bundle has the same bytes.
     */
    public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    private static final Provenance UNKNOWN = new Provenance(Map.of(), 0, "unknown", 0, 0, Instant.EPOCH, "", "");

    public Provenance {
        datasetSha256 = Collections.unmodifiableMap(new TreeMap<>(datasetSha256));
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(os, "os");
    }

    /** Provenance stamped with the creation time ({@value #SOURCE_DATE_EPOCH} if set), Java version and OS. */
    public static Provenance now(Map<String, String> datasetSha256, long seed, String split, int epochs, int threads) {
        return new Provenance(datasetSha256, seed, split, epochs, threads, creationTime(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /**
     * This provenance as text values, keyed {@code dataset.<file>}, {@code seed}, {@code split}, {@code epochs},
     * {@code threads}, {@code created}, {@code java} and {@code os}: what bundle manifests, ONNX metadata and zoo
     * indexes record, each under its own prefix.
     */
    public Map<String, String> asText() {
        Map<String, String> text = new LinkedHashMap<>();
        datasetSha256.forEach((file, sha) -> text.put("dataset." + file, sha));
        text.put("seed", Long.toString(seed));
        text.put("split", split);
        text.put("epochs", Integer.toString(epochs));
        text.put("threads", Integer.toString(threads));
        text.put("created", createdAt.toString());
        text.put("java", java);
        text.put("os", os);
        return Collections.unmodifiableMap(text);
    }

    /** For classifiers that were not trained by fmnist (for example an imported ONNX model). */
    public static Provenance unknown() {
        return UNKNOWN;
    }

    private static Instant creationTime() {
        String fixed = System.getenv(SOURCE_DATE_EPOCH);
        if (fixed != null && !fixed.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(fixed.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(SOURCE_DATE_EPOCH + " must be whole seconds since 1970, found '" + fixed + "'", e);
            }
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
