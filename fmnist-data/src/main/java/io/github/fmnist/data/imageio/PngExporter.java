package io.github.fmnist.data.imageio;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes 28×28 images, alone or as a grid, to 8-bit grayscale PNG files, enlarged by an integer factor (each pixel
 * becomes a {@code scale × scale} block). Files are written to a temporary file and moved into place atomically.
 *
 * <pre>{@code
 * PngExporter.write(image, 8, Path.of("sneaker.png"));                         // 224×224
 * PngExporter.writeGrid(batch.stream().limit(100).toList(), 10, 2, Path.of("grid.png"));
 * }</pre>
 */
public final class PngExporter {
    /** Largest accepted enlargement factor. */
    public static final int MAX_SCALE = 64;
    /** Width, in units of {@code scale}, of the grey gap between grid cells. */
    static final int GAP = 1;
    /** Grey level of the gaps between grid cells. */
    static final int GAP_GREY = 128;

    private PngExporter() {
    }

    /** Writes one image enlarged {@code scale} times (1..64). */
    public static void write(Image image, int scale, Path target) {
        writeGrid(List.of(image), 1, scale, target);
    }

    /**
     * Writes images row by row, {@code columns} per row, separated by grey gaps of {@code scale} pixels.
     *
     * @throws InvalidInputException if the list is empty, {@code columns < 1} or the scale is outside 1..64
     */
    public static void writeGrid(List<Image> images, int columns, int scale, Path target) {
        if (images.isEmpty()) {
            throw new InvalidInputException("nothing to write: the image list is empty");
        }
        if (columns < 1) {
            throw new InvalidInputException("columns must be at least 1, found " + columns);
        }
        if (scale < 1 || scale > MAX_SCALE) {
            throw new InvalidInputException("scale must be in 1.." + MAX_SCALE + ", found " + scale);
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        int cell = Image.SIDE * scale;
        int gap = images.size() == 1 ? 0 : GAP * scale;
        BufferedImage png = new BufferedImage(cols * cell + (cols - 1) * gap, rows * cell + (rows - 1) * gap,
                BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = png.getRaster();
        int[] fill = new int[png.getWidth() * png.getHeight()];
        java.util.Arrays.fill(fill, GAP_GREY);
        raster.setPixels(0, 0, png.getWidth(), png.getHeight(), fill);
        for (int i = 0; i < images.size(); i++) {
            draw(raster, images.get(i), (i % cols) * (cell + gap), (i / cols) * (cell + gap), scale);
        }
        writeAtomically(png, target);
    }

    private static void draw(WritableRaster raster, Image image, int left, int top, int scale) {
        int[] block = new int[scale * scale];
        for (int row = 0; row < Image.SIDE; row++) {
            for (int col = 0; col < Image.SIDE; col++) {
                java.util.Arrays.fill(block, image.pixel(row, col));
                raster.setPixels(left + col * scale, top + row * scale, scale, scale, block);
            }
        }
    }

    private static void writeAtomically(BufferedImage png, Path target) {
        try {
            AtomicFile.write(target, out -> {
                if (!ImageIO.write(png, "png", out)) {
                    throw new IllegalStateException("the Java runtime has no PNG writer");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
