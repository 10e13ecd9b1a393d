package io.github.fmnist.zoo;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.model.Prediction.ClassProbability;
import io.github.fmnist.data.imageio.ImageImporter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Classifies pictures of clothing with a pretrained model: the picture is turned into a Fashion-MNIST-like 28×28
 * image by fmnist-data's {@link ImageImporter}, then classified.
 *
 * <pre>{@code
 * try (PhotoClassifier photos = PhotoClassifier.pretrained()) {
 *     System.out.println(photos.classify(Path.of("boot.jpg")));   // [Ankle boot 97.3 %, Sneaker 2.1 %, Sandal 0.4 %]
 * }
 * }</pre>
 *
 * Thread-safe: any number of threads may classify at once. Closing it closes the model.
 */
public final class PhotoClassifier implements AutoCloseable {
    /** How many classes {@link #classify} returns unless told otherwise. */
    public static final int DEFAULT_TOP = 3;
    /** The longest picture stream {@link #predict(InputStream)} reads. */
    public static final long MAX_STREAM_BYTES = 64L << 20;

    private final Classifier model;
    private final ImageImporter importer;
    private final int top;

    private PhotoClassifier(Classifier model, ImageImporter importer, int top) {
        this.model = Objects.requireNonNull(model, "model");
        this.importer = Objects.requireNonNull(importer, "importer");
        if (top < 1 || top > 10) {
            throw new InvalidInputException("top must be 1..10, found " + top);
        }
        this.top = top;
    }

    /** The zoo's most accurate model ({@link FashionZoo#best()}), run by ONNX Runtime. */
    public static PhotoClassifier pretrained() throws IOException {
        return pretrained(FashionZoo.best().id());
    }

    /** Zoo model {@code id}, run by ONNX Runtime. */
    public static PhotoClassifier pretrained(String id) throws IOException {
        return new PhotoClassifier(FashionZoo.open(id), new ImageImporter(), DEFAULT_TOP);
    }

    /** Any classifier; the photo classifier closes it when closed. */
    public static PhotoClassifier of(Classifier model) {
        return new PhotoClassifier(model, new ImageImporter(), DEFAULT_TOP);
    }

    /** This classifier returning the {@code k} most likely classes. */
    public PhotoClassifier withTop(int k) {
        return new PhotoClassifier(model, importer, k);
    }

    /** This classifier converting pictures with {@code importer} (size limits, object size). */
    public PhotoClassifier withImporter(ImageImporter importer) {
        return new PhotoClassifier(model, importer, top);
    }

    /**
     * The most likely classes of the picture in {@code file} (PNG, JPEG, GIF, BMP), most likely first.
     *
     * @throws io.github.fmnist.api.CorruptDataException if it is not a readable picture
     */
    public List<ClassProbability> classify(Path file) {
        return predict(file).top(top);
    }

    /** The most likely classes of {@code picture}. */
    public List<ClassProbability> classify(BufferedImage picture) {
        return predict(picture).top(top);
    }

    /** The most likely classes of the picture read from {@code in} (not closed). */
    public List<ClassProbability> classify(InputStream in) throws IOException {
        return predict(in).top(top);
    }

    /** All ten probabilities for the picture in {@code file}. */
    public Prediction predict(Path file) {
        return model.predict(importer.importImage(file));
    }

    /** All ten probabilities for {@code picture}. */
    public Prediction predict(BufferedImage picture) {
        return model.predict(importer.importImage(picture));
    }

    /**
     * All ten probabilities for the picture read from {@code in} (not closed), at most {@value #MAX_STREAM_BYTES}
     * bytes.
     *
     * @throws InvalidInputException if the stream holds more
     */
    public Prediction predict(InputStream in) throws IOException {
        Path temp = Files.createTempFile("fmnist-photo-", ".img");
        try {
            // The importer checks the pixel count from the header of a file before it decodes anything.
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_STREAM_BYTES) {
                        throw new InvalidInputException("picture stream longer than " + MAX_STREAM_BYTES + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return predict(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The 28×28 image the model sees for the picture in {@code file}. */
    public Image convert(Path file) {
        return importer.importImage(file);
    }

    /** The model that classifies. */
    public Classifier model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
