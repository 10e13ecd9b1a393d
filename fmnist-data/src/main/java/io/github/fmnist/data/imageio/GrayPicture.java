package io.github.fmnist.data.imageio;

import io.github.fmnist.api.Image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/** A grayscale picture of any size as floats in [0, 255], with the steps that turn it into a 28×28 image. */
final class GrayPicture {
    /** Pixels brighter than this share of full scale (after background removal) belong to the object. */
    private static final float OBJECT_THRESHOLD = 0.05f * 255f;
    /** Below this contrast between border and brightest pixel the picture is considered blank. */
    private static final float MIN_CONTRAST = 8f;

    private final int width;
    private final int height;
    private final float[] values;

    private GrayPicture(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /** A picture of these values (row by row, 0..255), which it keeps without copying. */
    static GrayPicture of(int width, int height, float[] values) {
        if (values.length != width * height) {
            throw new IllegalArgumentException(values.length + " values for " + width + "×" + height);
        }
        return new GrayPicture(width, height, values);
    }

    static GrayPicture luminance(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        float[] values = new float[Math.multiplyExact(width, height)];
        if (isPlainGray(picture)) {
            // getRGB would pass gray samples through a linear-to-sRGB conversion and brighten the mid-tones
            Raster raster = picture.getRaster();
            float scale = 255f / ((1 << picture.getColorModel().getComponentSize(0)) - 1);
            float[] row = new float[width];
            for (int y = 0; y < height; y++) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    values[y * width + x] = row[x] * scale;
                }
            }
            return new GrayPicture(width, height, values);
        }
        int[] row = new int[width];
        boolean alpha = picture.getColorModel().hasAlpha();
        for (int y = 0; y < height; y++) {
            picture.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                float lum = 0.299f * ((argb >> 16) & 0xFF) + 0.587f * ((argb >> 8) & 0xFF) + 0.114f * (argb & 0xFF);
                if (alpha) {
                    // transparent areas are background; composite over white so they read as a light border
                    float a = ((argb >>> 24) & 0xFF) / 255f;
                    lum = a * lum + (1 - a) * 255f;
                }
                values[y * width + x] = lum;
            }
        }
        return new GrayPicture(width, height, values);
    }

    private static boolean isPlainGray(BufferedImage picture) {
        ColorModel model = picture.getColorModel();
        return model.getNumComponents() == 1 && !model.hasAlpha() && model instanceof ComponentColorModel
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && model.getComponentSize(0) <= 16;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    float value(int x, int y) {
        return values[y * width + x];
    }

    /**
     * Inverts the picture when its border is light, then maps the border level to black and the brightest pixel
     * to white, so the background becomes 0 as in Fashion-MNIST.
     */
    void makeObjectLightOnBlack() {
        float[] border = borderValues();
        double mean = 0;
        for (float v : border) {
            mean += v;
        }
        mean /= border.length;
        if (mean > 127.5) {
            for (int i = 0; i < values.length; i++) {
                values[i] = 255f - values[i];
            }
            for (int i = 0; i < border.length; i++) {
                border[i] = 255f - border[i];
            }
        }
        Arrays.sort(border);
        float background = border[border.length / 2];
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        float contrast = max - background;
        for (int i = 0; i < values.length; i++) {
            values[i] = contrast < MIN_CONTRAST ? 0f
                    : Math.max(0f, Math.min(255f, (values[i] - background) * 255f / contrast));
        }
    }

    private float[] borderValues() {
        if (width <= 2 || height <= 2) {
            return values.clone();
        }
        float[] border = new float[2 * width + 2 * (height - 2)];
        int n = 0;
        for (int x = 0; x < width; x++) {
            border[n++] = values[x];
            border[n++] = values[(height - 1) * width + x];
        }
        for (int y = 1; y < height - 1; y++) {
            border[n++] = values[y * width];
            border[n++] = values[y * width + width - 1];
        }
        return border;
    }

    /**
     * This picture turned by {@code degrees} about its centre (the same sense as {@link Deskew#angle}: points
     * (x, y) go to (x cos − y sin, x sin + y cos)), on a canvas large enough to hold it, bilinearly sampled.
     */
    GrayPicture rotated(double degrees) {
        double r = Math.toRadians(degrees);
        double cos = Math.cos(r);
        double sin = Math.sin(r);
        int w = (int) Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
        int h = (int) Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
        float[] out = new float[w * h];
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double ox = (w - 1) / 2.0;
        double oy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // inverse turn: where in this picture the output pixel comes from
                double dx = x - ox;
                double dy = y - oy;
                double sx = dx * cos + dy * sin + cx;
                double sy = -dx * sin + dy * cos + cy;
                out[y * w + x] = bilinear(sx, sy);
            }
        }
        return new GrayPicture(w, h, out);
    }

    private float bilinear(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0))
                + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1)));
    }

    private float at(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0f : values[y * width + x];
    }

    /** The bounding box of the object (pixels above the threshold); the whole picture when it is blank. */
    GrayPicture cropToObject() {
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (values[y * width + x] > OBJECT_THRESHOLD) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return this;
        }
        int w = right - left + 1;
        int h = bottom - top + 1;
        float[] cropped = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(values, (top + y) * width + left, cropped, y * w, w);
        }
        return new GrayPicture(w, h, cropped);
    }

    /**
     * Scales the picture, keeping its aspect ratio, so its longer side is {@code objectSize} pixels, and centres it
     * on a black 28×28 canvas.
     */
    Image fitInto(int objectSize) {
        double scale = (double) objectSize / Math.max(width, height);
        int targetWidth = Math.max(1, Math.min(objectSize, (int) Math.round(width * scale)));
        int targetHeight = Math.max(1, Math.min(objectSize, (int) Math.round(height * scale)));
        float[] resized = AreaResampler.resize(values, width, height, targetWidth, targetHeight);
        byte[] pixels = new byte[Image.PIXELS];
        // an odd leftover pixel goes to the left and top margins, as in Fashion-MNIST itself
        int offsetX = (Image.SIDE - targetWidth + 1) / 2;
        int offsetY = (Image.SIDE - targetHeight + 1) / 2;
        for (int y = 0; y < targetHeight; y++) {
            for (int x = 0; x < targetWidth; x++) {
                int v = Math.round(resized[y * targetWidth + x]);
                pixels[(offsetY + y) * Image.SIDE + offsetX + x] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return Image.of(pixels);
    }
}
