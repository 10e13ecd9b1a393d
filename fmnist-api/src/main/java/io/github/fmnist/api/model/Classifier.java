package io.github.fmnist.api.model;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.PayloadSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trained model that maps 28×28 images to probabilities over the ten classes.
 *
 * <h2>Thread-safety</h2>
 * Every implementation must allow concurrent calls of the prediction methods from any number of threads,
 * each returning exactly what a sequential call would. {@link #close()} must not overlap a prediction.
 * The testkit's contract test checks this with eight threads.
 *
 * <h2>Capabilities</h2>
 * A classifier may also offer capabilities from {@code io.github.fmnist.api.capability} (gradients for
 * Grad-CAM, a network description for ONNX export); ask with {@link #unwrap(Class)}.
 *
 * <pre>{@code
 * try (Classifier c = registry.loadClassifier(Path.of("cnn.fmnist"))) {
 *     Prediction p = c.predict(image);
 *     System.out.println(p.predicted() + " " + p.confidence());
 * }
 * }</pre>
 */
public interface Classifier extends AutoCloseable {

    /** Which provider made this classifier, its version and hyperparameters. */
    ModelInfo info();

    /**
     * Class probabilities for images given as normalised pixels in NCHW order: {@code n × 1 × 28 × 28}
     * values in [0, 1], image after image.
     *
     * @return {@code n} rows of ten probabilities, each row summing to 1
     * @throws InvalidInputException if the array is empty or its length is not a multiple of 784
     */
    float[][] predictNormalized(float[] nchw);

    /**
     * Class probabilities for a batch, one row of ten per image.
     *
     * @throws InvalidInputException if the batch is empty
     */
    default float[][] predictProbabilities(ImageBatch images) {
        if (images.isEmpty()) {
            throw new InvalidInputException("cannot predict an empty batch");
        }
        return predictNormalized(images.toNormalizedNchw());
    }

    /** The prediction for one image. */
    default Prediction predict(Image image) {
        return new Prediction(predictNormalized(image.toNormalized())[0]);
    }

    /** Predictions for a batch, in order. */
    default List<Prediction> predict(ImageBatch images) {
        float[][] probabilities = predictProbabilities(images);
        List<Prediction> out = new ArrayList<>(probabilities.length);
        for (float[] row : probabilities) {
            out.add(new Prediction(row));
        }
        return out;
    }

    /** The most likely class of one image. */
    default FashionClass classify(Image image) {
        return predict(image).predicted();
    }

    /**
     * Writes everything needed to rebuild this classifier as named payload entries; the provider's
     * {@link ModelProvider#load} reads them back. Use {@code ModelBundle.save} rather than calling this.
     */
    void writePayload(PayloadSink sink) throws IOException;

    /** This classifier as {@code capability}, if it offers it. */
    default <T> Optional<T> unwrap(Class<T> capability) {
        return capability.isInstance(this) ? Optional.of(capability.cast(this)) : Optional.empty();
    }

    /** Releases native resources; the default does nothing. */
    @Override
    default void close() {
    }

    /**
     * Checks an NCHW input array and returns how many images it holds; for implementations.
     *
     * @throws InvalidInputException if it is empty or not a whole number of 28×28 images
     */
    static int imageCount(float[] nchw) {
        if (nchw.length == 0) {
            throw new InvalidInputException("cannot predict an empty batch");
        }
        if (nchw.length % Image.PIXELS != 0) {
            throw new InvalidInputException("input of " + nchw.length + " values is not a whole number of 1×28×28 images ("
                    + Image.PIXELS + " values each)");
        }
        return nchw.length / Image.PIXELS;
    }
}
