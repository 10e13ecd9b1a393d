package io.github.fmnist.api.capability;

/**
 * Capability of a classifier whose prediction ends in a classifier layer applied to an embedding: the
 * features the network computes for an image just before its final (logits) layer, in inference mode. A
 * hybrid model trains another head on them; a reader can compare images in that space.
 *
 * <h2>Shape</h2>
 * {@link #features} takes images as {@link io.github.fmnist.api.model.Classifier#predictNormalized} does
 * ({@code n × 1 × 28 × 28} values in [0, 1], image after image) and returns {@code n} rows of
 * {@link #featureCount()} values, row {@code i} for image {@code i}. Each row depends on its own image only,
 * so a batch gives the rows of its images one by one.
 *
 * <h2>Thread-safety</h2>
 * As for prediction: any number of threads may call {@link #features} at the same time, each getting exactly
 * what a sequential call returns. It must not overlap the classifier's {@code close()}.
 *
 * <pre>{@code
 * FeatureExtractor extractor = classifier.unwrap(FeatureExtractor.class).orElseThrow();
 * float[][] embedding = extractor.features(batch.toNormalizedNchw());   // n × extractor.featureCount()
 * }</pre>
 */
public interface FeatureExtractor {

    /** How many values each image's embedding has. */
    int featureCount();

    /** The name of the layer whose output the features are (for messages and reports, e.g. {@code "gap"}). */
    String featureLayer();

    /**
     * The embeddings of a batch.
     *
     * @return {@code n} rows of {@link #featureCount()} values
     * @throws io.github.fmnist.api.InvalidInputException if the array is empty or not a whole number of 28×28 images
     */
    float[][] features(float[] nchw);
}
