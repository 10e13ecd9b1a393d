package io.github.fmnist.data.imageio;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.InvalidInputException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Decodes a picture file with whatever ImageIO reader claims it (the JDK's PNG, JPEG, BMP, GIF; TwelveMonkeys' JPEG
 * with CMYK/YCCK and WebP): the header's size is checked against the pixel limit first, large pictures are decoded
 * with source subsampling (every n-th pixel of every n-th row, so a 4000×3000 photo costs little memory), and JPEGs
 * are turned upright as their EXIF orientation says.
 */
final class PictureReader {
    private final long maxPixels;
    private final int decodeSide;

    /**
     * @param maxPixels largest accepted width × height, from the header
     * @param decodeSide subsampling keeps the decoded picture's longer side at least this long
     */
    PictureReader(long maxPixels, int decodeSide) {
        this.maxPixels = maxPixels;
        this.decodeSide = decodeSide;
    }

    /** The picture in {@code file}, upright, subsampled when large. */
    ColourPicture read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("image file not found: " + file);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new InvalidInputException("cannot open image file " + file);
            }
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** As {@link #read(Path)}, for a file's bytes already in memory; {@code source} names it in messages. */
    ColourPicture read(byte[] content, String source) {
        if (content.length == 0) {
            throw new InvalidInputException(source + ": empty file, expected a picture (PNG, JPEG, WebP, BMP or GIF)");
        }
        // A memory cache: ImageIO would otherwise copy every picture to a temporary file first.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            return read(in, source);
        } catch (IOException e) {
            throw new CorruptDataException(source, -1, "cannot read the picture: " + e.getMessage(), e);
        }
    }

    private ColourPicture read(ImageInputStream in, String source) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new InvalidInputException(source + ": not a readable image (PNG, JPEG, WebP, BMP or GIF expected)");
        }
        ImageReader reader = readers.next();
        try {
            boolean jpeg = formatName(reader).equals("jpeg");
            int orientation = ExifOrientation.UPRIGHT;
            if (jpeg) {
                orientation = ExifOrientation.read(in, source);
                in.seek(0);
            }
            reader.setInput(in, true, true);
            return ExifOrientation.apply(ColourPicture.of(decode(reader, source)), orientation);
        } finally {
            reader.dispose();
        }
    }

    private static String formatName(ImageReader reader) {
        String[] names = reader.getOriginatingProvider().getFormatNames();
        return names.length == 0 ? "?" : names[0].toLowerCase(Locale.ROOT);
    }

    private BufferedImage decode(ImageReader reader, String file) {
        long width;
        long height;
        try {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(file, -1, "unreadable image header: " + e.getMessage(), e);
        }
        ImageImporter.checkSize(file, width, height, maxPixels);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height);
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        try {
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(file, -1, "cannot decode " + width + "×" + height + " "
                    + formatName(reader) + " image: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new InvalidInputException(file + ": not enough memory to decode a " + width + "×" + height
                    + " image");
        }
    }

    /** The largest step that keeps the longer side at least {@code decodeSide} pixels. */
    int subsampling(long width, long height) {
        return (int) Math.max(1, Math.max(width, height) / decodeSide);
    }
}
