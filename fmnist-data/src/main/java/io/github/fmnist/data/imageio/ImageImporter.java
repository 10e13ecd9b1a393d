package io.github.fmnist.data.imageio;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns an ordinary picture (PNG, JPEG, WebP, BMP, GIF; any size; colour or grey; a garment alone on white or a
 * shop photo in front of a backdrop) into a 28×28 image in the Fashion-MNIST style: grayscale, light item on black,
 * cropped to the item and scaled to fit the frame.
 *
 * <p>Steps: the picture is decoded upright (EXIF orientation) and shrunk to at most {@value #WORK_SIDE} pixels a
 * side; the background is modelled from the border band (a smooth colour gradient per channel, split at a table
 * edge if there is one); pixels that differ from it, less soft shadows (darker, same chroma), are cleaned up by a
 * morphological closing and opening; the item is the largest, most central region (props and regions cut by the
 * frame count less), with its holes filled and its faint rim grown back. The item's colour difference from the
 * background becomes its brightness, so light-on-dark and dark-on-light pictures alike give a light item on black.
 * The item is cropped, an area-averaging resize brings its longer side to {@link #objectSize()} pixels keeping the
 * aspect ratio, and it is centred on black, as in the Fashion-MNIST conversion. Pictures under
 * {@value #MIN_SEGMENTED_SIDE} pixels a side are too small for a border model: they are inverted if their border is
 * light, stretched and cropped as a whole.
 *
 * <p>Files are untrusted: the dimensions in the header are checked against a pixel limit before any pixel is
 * decoded. A picture in which nothing stands out from the background is a {@link NoItemFoundException}, never a
 * black image. Instances are immutable and thread-safe.
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
    /** Longest side of the picture the segmentation works on; larger pictures are shrunk to it first. */
    public static final int WORK_SIDE = 320;
    /** Pictures with a shorter side below this are converted without segmentation. */
    public static final int MIN_SEGMENTED_SIDE = 12;
    /** Files are decoded with subsampling (every n-th pixel) down to no less than this longer side. */
    static final int DECODE_SIDE = WORK_SIDE;

    private final long maxPixels;
    private final int objectSize;
    private final PictureReader reader;

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
        this.reader = new PictureReader(maxPixels, DECODE_SIDE);
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
     * @throws NoItemFoundException if nothing in the picture stands out from its background
     * @throws CorruptDataException if the file claims a known format but cannot be decoded
     */
    public Image importImage(Path file) {
        Objects.requireNonNull(file, "file");
        return convert(reader.read(file), file.toString()).image();
    }

    /**
     * Reads and converts a picture file's bytes already in memory (a Spark row, an upload), exactly as
     * {@link #importImage(Path)} reads that file: same readers, EXIF orientation, subsampling and limits.
     *
     * @param source names the picture in messages
     * @throws InvalidInputException if the bytes are empty, in no readable format, or larger than the pixel limit
     * @throws NoItemFoundException if nothing in the picture stands out from its background
     * @throws CorruptDataException if the bytes claim a known format but cannot be decoded
     */
    public Image importImage(byte[] content, String source) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        return convert(reader.read(content, source), source).image();
    }

    /** Converts an image already in memory. */
    public Image importImage(BufferedImage picture) {
        return convert(inMemory(picture), "image").image();
    }

    /** As {@link #importImage(Path)}, with the picture worked on and the item mask found, to show them. */
    public ImportedPicture importWithSteps(Path file) {
        Objects.requireNonNull(file, "file");
        return convert(reader.read(file), file.toString()).shown();
    }

    /** As {@link #importImage(BufferedImage)}, with the picture worked on and the item mask found. */
    public ImportedPicture importWithSteps(BufferedImage picture) {
        return convert(inMemory(picture), "image").shown();
    }

    private ColourPicture inMemory(BufferedImage picture) {
        Objects.requireNonNull(picture, "picture");
        checkSize("image", picture.getWidth(), picture.getHeight(), maxPixels);
        return ColourPicture.of(picture);
    }

    /** A conversion's result with what it worked on; pictures of the steps are drawn only when asked for. */
    private record Conversion(Image image, ColourPicture work, BinaryMask mask) {
        ImportedPicture shown() {
            return new ImportedPicture(image, work.toImage(), mask.toImage());
        }
    }

    private Conversion convert(ColourPicture picture, String source) {
        if (Math.min(picture.width(), picture.height()) < MIN_SEGMENTED_SIDE) {
            GrayPicture gray = GrayPicture.luminance(picture.toImage());
            gray.makeObjectLightOnBlack();
            BinaryMask all = new BinaryMask(picture.width(), picture.height(),
                    filled(picture.width() * picture.height()));
            return new Conversion(gray.cropToObject().fitInto(objectSize), picture, all);
        }
        ColourPicture work = picture.shrunkToFit(WORK_SIDE);
        ItemSegmenter.Segmentation item = ItemSegmenter.segment(work, source);
        GrayPicture difference = work == picture ? item.difference() : FullResolutionItem.cut(picture, work, item);
        double turn = Deskew.angle(item.item());
        if (turn != 0) {
            difference = difference.rotated(turn);
        }
        return new Conversion(difference.cropToObject().fitInto(objectSize), work, item.item());
    }

    private static boolean[] filled(int n) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return all;
    }

    static void checkSize(String source, long width, long height, long maxPixels) {
        if (width < 1 || height < 1) {
            throw new InvalidInputException(source + ": image has no pixels (" + width + "×" + height + ")");
        }
        if (width * height > maxPixels) {
            throw new InvalidInputException(source + ": image of " + width + "×" + height + " = " + width * height
                    + " pixels exceeds the limit of " + maxPixels + " pixels");
        }
    }
}
