package io.github.fmnist.data.imageio;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.split.StratifiedSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Fashion-MNIST test images exported as enlarged PNGs (as they are, and inverted like a product photo on a
 * white background) and imported again come back close to the originals.
 */
class ImportRoundTripIT {
    @TempDir
    Path dir;

    @Test
    void exportedRealImagesImportBackCloseToTheOriginals() throws IOException {
        LabeledDataset sample = StratifiedSample.sample(FashionMnist.load(FashionMnist.DEBIAN_DIRECTORY).test(), 200, 1L);
        ImageImporter importer = new ImageImporter();
        double[] plain = new double[sample.size()];
        double[] inverted = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            Image original = sample.images().get(i);
            Path file = dir.resolve("item.png");
            PngExporter.write(original, 4, file);
            plain[i] = meanAbsoluteDifference(original, importer.importImage(file));

            BufferedImage photo = ImageIO.read(file.toFile());
            invert(photo);
            inverted[i] = meanAbsoluteDifference(original, importer.importImage(photo));
        }
        report("plain", plain);
        report("inverted", inverted);
        // most images come back exactly; faint or off-centre items differ by about a pixel's shift
        assertTrue(percentile(plain, 0.5) < 1, "median MAD " + percentile(plain, 0.5));
        assertTrue(percentile(plain, 0.9) < 5, "90th percentile MAD " + percentile(plain, 0.9));
        assertTrue(percentile(inverted, 0.5) < 1, "inverted: median MAD " + percentile(inverted, 0.5));
        assertTrue(percentile(inverted, 0.9) < 5, "inverted: 90th percentile MAD " + percentile(inverted, 0.9));
    }

    private static void report(String what, double[] mads) {
        System.out.printf("ImportRoundTripIT %s: mean absolute difference per pixel, median %.1f, 90th %.1f, "
                + "max %.1f%n", what, percentile(mads, 0.5), percentile(mads, 0.9), percentile(mads, 0.999));
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * p)];
    }

    private static void invert(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, 255 - image.getRaster().getSample(x, y, 0));
            }
        }
    }

    private static double meanAbsoluteDifference(Image a, Image b) {
        double sum = 0;
        for (int row = 0; row < 28; row++) {
            for (int col = 0; col < 28; col++) {
                sum += Math.abs(a.pixel(row, col) - b.pixel(row, col));
            }
        }
        return sum / Image.PIXELS;
    }
}
