package io.github.fmnist.data;

import io.github.fmnist.api.LabeledDataset;

import java.util.Map;
import java.util.Objects;

/**
 * The Fashion-MNIST training and test sets as loaded, with where they came from.
 *
 * @param train the 60,000 training examples
 * @param test the 10,000 test examples
 * @param source the absolute directory the files were read from
 * @param sha256 SHA-256 (lower-case hex) of each file's uncompressed content, keyed by base name such as
 *               {@code "train-images-idx3-ubyte"}; suitable for provenance records
 */
public record FashionMnistData(LabeledDataset train, LabeledDataset test, String source, Map<String, String> sha256) {
    public FashionMnistData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        sha256 = Map.copyOf(sha256);
    }
}
