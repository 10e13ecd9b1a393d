package io.github.fmnist.spark;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes picture bytes held in memory the way fmnist-data's {@code ImageImporter} decodes a file (first ImageIO
 * reader for the format, metadata ignored), checking the header's pixel count before any pixel is decoded.
 * A memory cache keeps ImageIO from writing every picture to a temporary file first.
 */
final class PictureDecoder {
    private final long maxPixels;

    PictureDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * The picture in {@code bytes}; {@code source} names it in messages.
     *
     * @throws InvalidInputException if it is empty, in no readable format, or over the pixel limit
     * @throws CorruptDataException  if it claims a format but cannot be decoded
     */
    BufferedImage decode(byte[] bytes, String source) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(source + ": empty file, expected a picture (PNG, JPEG, BMP or GIF)");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException(source + ": not a readable image (PNG, JPEG, BMP or GIF expected)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkSize(reader, source);
                return read(reader, source);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new CorruptDataException(source, -1, "cannot read the picture: " + e.getMessage(), e);
        }
    }

    private void checkSize(ImageReader reader, String source) {
        long width;
        long height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(source, -1, "unreadable image header: " + e.getMessage(), e);
        }
        if (width < 1 || height < 1) {
            throw new InvalidInputException(source + ": image has no pixels (" + width + "×" + height + ")");
        }
        if (width * height > maxPixels) {
            throw new InvalidInputException(source + ": image of " + width + "×" + height + " = " + width * height
                    + " pixels exceeds the limit of " + maxPixels + " pixels");
        }
    }

    private static BufferedImage read(ImageReader reader, String source) {
        try {
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(source, -1, "cannot decode "
                    + reader.getOriginatingProvider().getFormatNames()[0] + " image: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new InvalidInputException(source + ": not enough memory to decode it");
        }
    }
}
