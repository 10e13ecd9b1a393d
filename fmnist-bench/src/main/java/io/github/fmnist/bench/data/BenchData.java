package io.github.fmnist.bench.data;

import io.github.fmnist.api.LabeledDataset;
import java.util.Map;
import java.util.Objects;

/**
 * The labelled data a bench run draws from.
 *
 * @param train       the training pool (split into training and validation by the run)
 * @param test        the test set the models are evaluated on
 * @param description what the data is, recorded in the results
 * @param source      where it was read from
 * @param sha256      SHA-256 of each uncompressed source file, by name; recorded in bundles' provenance
 */
public record BenchData(LabeledDataset train, LabeledDataset test, String description, String source,
                        Map<String, String> sha256) {
    public BenchData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        sha256 = Map.copyOf(sha256);
    }
}
