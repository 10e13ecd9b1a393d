package io.github.fmnist.data.imageio;

import io.github.fmnist.api.Image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A picture's conversion with what led to it, to show why a picture was read as it was: the picture the importer
 * worked on (upright, shrunk), the item mask it found on it, and the 28×28 result.
 *
 * @param image the 28×28 image a classifier sees
 * @param picture the picture as the importer worked on it (upright; shrunk to at most a few hundred pixels)
 * @param mask the item's pixels on {@code picture}, white on black
 */
public record ImportedPicture(Image image, BufferedImage picture, BufferedImage mask) {
    public ImportedPicture {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(mask, "mask");
    }

    /** Picture, mask and result (enlarged to the picture's height) side by side on a gray strip. */
    public BufferedImage sideBySide() {
        int height = picture.getHeight();
        int gap = Math.max(2, height / 50);
        int width = picture.getWidth() + gap + mask.getWidth() + gap + height;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, width, height);
            g.drawImage(picture, 0, 0, null);
            g.drawImage(mask, picture.getWidth() + gap, 0, null);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(toGray(image), picture.getWidth() + gap + mask.getWidth() + gap, 0, height, height, null);
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static BufferedImage toGray(Image image) {
        BufferedImage gray = new BufferedImage(Image.SIDE, Image.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < Image.SIDE; row++) {
            for (int col = 0; col < Image.SIDE; col++) {
                gray.getRaster().setSample(col, row, 0, image.pixel(row, col));
            }
        }
        return gray;
    }
}
