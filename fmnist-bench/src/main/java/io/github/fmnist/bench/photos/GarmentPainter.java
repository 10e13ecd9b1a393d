package io.github.fmnist.bench.photos;

import io.github.fmnist.api.Image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Paints the garment and its shadow. */
final class GarmentPainter {
    private GarmentPainter() {
    }

    static void paint(Scene scene, Image image, SplittableRandom random) {
        Graphics2D g = scene.canvas().createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (scene.shadowOpacity() > 0) {
                AffineTransform shadow = new AffineTransform();
                shadow.translate(scene.shadowOffset() * scene.size(), 1.3 * scene.shadowOffset() * scene.size());
                shadow.concatenate(scene.placement());
                shadow.translate(-Shadow.PAD, -Shadow.PAD);
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) scene.shadowOpacity()));
                g.drawImage(Shadow.of(image), shadow, null);
                g.setComposite(AlphaComposite.SrcOver);
            }
            g.drawImage(tinted(image, scene.colour(), random), scene.placement(), null);
        } finally {
            g.dispose();
        }
    }

    /** The garment as colour with the image as opacity, with a faint light-to-dark shading across it. */
    private static BufferedImage tinted(Image image, float[] colour, SplittableRandom random) {
        BufferedImage garment = new BufferedImage(Image.SIDE, Image.SIDE, BufferedImage.TYPE_INT_ARGB);
        double shading = random.nextDouble(0, 0.15);
        for (int row = 0; row < Image.SIDE; row++) {
            double shade = 1 + shading * (0.5 - (double) row / Image.SIDE);
            int rgb = Backdrops.rgb(colour[0] * shade, colour[1] * shade, colour[2] * shade);
            for (int col = 0; col < Image.SIDE; col++) {
                garment.setRGB(col, row, (image.pixel(row, col) << 24) | rgb);
            }
        }
        return garment;
    }
}
