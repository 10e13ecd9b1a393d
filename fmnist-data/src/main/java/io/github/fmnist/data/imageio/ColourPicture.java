package io.github.fmnist.data.imageio;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * A picture as three float planes (red, green, blue) in [0, 255], the form the segmentation steps work on.
 * Transparent pixels are composited over white, so they read as a plain light background.
 */
final class ColourPicture {
    private final int width;
    private final int height;
    private final float[] red;
    private final float[] green;
    private final float[] blue;

    ColourPicture(int width, int height, float[] red, float[] green, float[] blue) {
        this.width = width;
        this.height = height;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    static ColourPicture of(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int pixels = Math.multiplyExact(width, height);
        if (isPlainGray(picture)) {
            // getRGB would pass gray samples through a linear-to-sRGB conversion and brighten the mid-tones
            float[] gray = new float[pixels];
            Raster raster = picture.getRaster();
            float scale = 255f / ((1 << picture.getColorModel().getComponentSize(0)) - 1);
            float[] row = new float[width];
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    gray[y * width + x] = row[x] * scale;
                }
            }
            return new ColourPicture(width, height, gray, gray, gray);
        }
        float[] r = new float[pixels];
        float[] g = new float[pixels];
        float[] b = new float[pixels];
        if (picture.getType() == BufferedImage.TYPE_3BYTE_BGR && isWhole(picture, 3 * pixels)) {
            byte[] data = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0; i < pixels; i++, j += 3) {
                b[i] = data[j] & 0xFF;
                g[i] = data[j + 1] & 0xFF;
                r[i] = data[j + 2] & 0xFF;
            }
            return new ColourPicture(width, height, r, g, b);
        }
        if (picture.getType() == BufferedImage.TYPE_INT_RGB && isWhole(picture, pixels)) {
            int[] data = ((DataBufferInt) picture.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < pixels; i++) {
                set(r, g, b, i, data[i], false);
            }
            return new ColourPicture(width, height, r, g, b);
        }
        boolean alpha = picture.getColorModel().hasAlpha();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            picture.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                set(r, g, b, y * width + x, row[x], alpha);
            }
        }
        return new ColourPicture(width, height, r, g, b);
    }

    private static void set(float[] r, float[] g, float[] b, int i, int argb, boolean alpha) {
        float red = (argb >> 16) & 0xFF;
        float green = (argb >> 8) & 0xFF;
        float blue = argb & 0xFF;
        if (alpha) {
            float a = ((argb >>> 24) & 0xFF) / 255f;
            red = a * red + (1 - a) * 255f;
            green = a * green + (1 - a) * 255f;
            blue = a * blue + (1 - a) * 255f;
        }
        r[i] = red;
        g[i] = green;
        b[i] = blue;
    }

    /** Whether the raster owns its whole buffer (a sub-image shares a larger one, with offsets). */
    private static boolean isWhole(BufferedImage picture, int elements) {
        Raster raster = picture.getRaster();
        return raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0 && raster.getDataBuffer().getSize() == elements
                && raster.getDataBuffer().getNumBanks() == 1;
    }

    private static boolean isPlainGray(BufferedImage picture) {
        ColorModel model = picture.getColorModel();
        return model.getNumComponents() == 1 && !model.hasAlpha() && model instanceof ComponentColorModel
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && model.getComponentSize(0) <= 16;
    }

    /** This picture shrunk by area averaging so neither side exceeds {@code maxSide}; itself if it already fits. */
    ColourPicture shrunkToFit(int maxSide) {
        int longer = Math.max(width, height);
        if (longer <= maxSide) {
            return this;
        }
        double scale = (double) maxSide / longer;
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        float[] r = AreaResampler.resize(red, width, height, w, h);
        float[] g = green == red ? r : AreaResampler.resize(green, width, height, w, h);
        float[] b = blue == red ? r : AreaResampler.resize(blue, width, height, w, h);
        return new ColourPicture(w, h, r, g, b);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    float red(int i) {
        return red[i];
    }

    float green(int i) {
        return green[i];
    }

    float blue(int i) {
        return blue[i];
    }

    /** Rec. 601 luminance of pixel {@code i}. */
    float luminance(int i) {
        return 0.299f * red[i] + 0.587f * green[i] + 0.114f * blue[i];
    }

    /** The picture as an RGB image (for showing what the importer worked on). */
    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            data[i] = (clamp(red[i]) << 16) | (clamp(green[i]) << 8) | clamp(blue[i]);
        }
        return image;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
