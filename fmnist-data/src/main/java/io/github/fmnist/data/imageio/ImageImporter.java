package io.github.fmnist.data.imageio;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;

/**
 * Turns an ordinary picture (PNG, JPEG, BMP, GIF; any size; colour or grey) into a 28×28 image in the
 * Fashion-MNIST style: grayscale, light object on black, cropped to the object and scaled to fit the frame.
 *
 * <p>Steps: luminance (Rec. 601; transparent pixels count as white); inversion when the border is light,
 * since Fashion-MNIST items are light on black; the border level is subtracted and the contrast stretched;
 * the image is cropped to the bounding box of the object; an area-averaging (anti-aliased) resize keeps the
 * aspect ratio and brings the longer side to {@link #objectSize()} pixels; the result is centred on black.
 * The default object size 28 follows the Fashion-MNIST conversion (trim, longest edge to 28, centre).
 *
 * <p>Files are untrusted: the dimensions in the header are checked against a pixel limit before any pixel is
 * decoded. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * Image image = new ImageImporter().importImage(Path.of("photo-of-a-sneaker.jpg"));
 * Prediction p = classifier.predict(image);
 * }</pre>
 */
public final class ImageImporter {
    /** Largest picture accepted by default, in pixels (width × height). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    /** Default length, in output pixels, of the object's longer side. */
    public static final int DEFAULT_OBJECT_SIZE = Image.SIDE;

    private final long maxPixels;
    private final int objectSize;

    /** An importer with the default pixel limit and object size. */
    public ImageImporter() {
        this(DEFAULT_MAX_PIXELS, DEFAULT_OBJECT_SIZE);
    }

    /**
     * @param maxPixels largest accepted width × height of an input picture
     * @param objectSize length of the object's longer side in the 28×28 result, 1..28 (smaller leaves a margin)
     */
    public ImageImporter(long maxPixels, int objectSize) {
        if (maxPixels < 1) {
            throw new InvalidInputException("pixel limit must be positive, found " + maxPixels);
        }
        if (objectSize < 1 || objectSize > Image.SIDE) {
            throw new InvalidInputException("object size must be in 1..28, found " + objectSize);
        }
        this.maxPixels = maxPixels;
        this.objectSize = objectSize;
    }

    /** The largest accepted width × height. */
    public long maxPixels() {
        return maxPixels;
    }

    /** The length of the object's longer side in the result. */
    public int objectSize() {
        return objectSize;
    }

    /**
     * Reads and converts a picture file.
     *
     * @throws InvalidInputException if the file is missing, not in a readable format, or larger than the pixel
     *         limit (checked from the header, before decoding)
     * @throws CorruptDataException if the file claims a known format but cannot be decoded
     */
    public Image importImage(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("image file not found: " + file);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new InvalidInputException("cannot open image file " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException(file + ": not a readable image (PNG, JPEG, BMP or GIF expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return importImage(decode(reader, file));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private BufferedImage decode(ImageReader reader, Path file) {
        long width;
        long height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(file.toString(), -1, "unreadable image header: " + e.getMessage(), e);
        }
        checkSize(file.toString(), width, height);
        try {
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(file.toString(), -1, "cannot decode " + width + "×" + height + " "
                    + reader.getOriginatingProvider().getFormatNames()[0] + " image: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new InvalidInputException(file + ": not enough memory to decode a " + width + "×" + height
                    + " image");
        }
    }

    /** Converts an image already in memory. */
    public Image importImage(BufferedImage picture) {
        Objects.requireNonNull(picture, "picture");
        checkSize("image", picture.getWidth(), picture.getHeight());
        GrayPicture gray = GrayPicture.luminance(picture);
        gray.makeObjectLightOnBlack();
        return gray.cropToObject().fitInto(objectSize);
    }

    private void checkSize(String source, long width, long height) {
        if (width < 1 || height < 1) {
            throw new InvalidInputException(source + ": image has no pixels (" + width + "×" + height + ")");
        }
        if (width * height > maxPixels) {
            throw new InvalidInputException(source + ": image of " + width + "×" + height + " = " + width * height
                    + " pixels exceeds the limit of " + maxPixels + " pixels");
        }
    }
}
