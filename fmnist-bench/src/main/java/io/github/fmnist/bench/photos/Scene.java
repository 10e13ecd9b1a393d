package io.github.fmnist.bench.photos;

import io.github.fmnist.api.Image;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Where and how the garment goes on a canvas. */
record Scene(BufferedImage canvas, float[] colour, double centreX, double centreY, double size, double degrees,
        double shadowOpacity, double shadowOffset) {
    static Scene centred(BufferedImage canvas, float[] colour, SplittableRandom random, double minSize,
            double maxSize, double jitter) {
        int w = canvas.getWidth();
        int h = canvas.getHeight();
        double size = random.nextDouble(minSize, maxSize) * Math.min(w, h);
        double cx = w / 2.0 + random.nextDouble(-jitter, jitter) * w;
        double cy = h / 2.0 + random.nextDouble(-jitter, jitter) * h;
        return new Scene(canvas, colour, cx, cy, size, 0, 0, 0);
    }

    static Scene anywhere(BufferedImage canvas, float[] colour, SplittableRandom random, double minSize,
            double maxSize) {
        int w = canvas.getWidth();
        int h = canvas.getHeight();
        double size = random.nextDouble(minSize, maxSize) * Math.min(w, h);
        double margin = 0.6 * size;
        double cx = random.nextDouble(margin, w - margin);
        // keep it away from the middle third so it really is off centre
        if (Math.abs(cx - w / 2.0) < w / 6.0) {
            cx += (cx < w / 2.0 ? -1 : 1) * w / 6.0;
        }
        double cy = random.nextDouble(margin, h - margin);
        return new Scene(canvas, colour, cx, cy, size, 0, 0, 0);
    }

    Scene withShadow(SplittableRandom random) {
        return new Scene(canvas, colour, centreX, centreY, size, degrees, random.nextDouble(0.2, 0.4),
                random.nextDouble(0.02, 0.05));
    }

    Scene turned(double by) {
        return new Scene(canvas, colour, centreX, centreY, size, by, shadowOpacity, shadowOffset);
    }

    /** The garment's transform: its 28×28 frame scaled to {@code size}, turned and centred on the centre. */
    AffineTransform placement() {
        AffineTransform t = new AffineTransform();
        t.translate(centreX, centreY);
        t.rotate(Math.toRadians(degrees));
        t.scale(size / Image.SIDE, size / Image.SIDE);
        t.translate(-Image.SIDE / 2.0, -Image.SIDE / 2.0);
        return t;
    }
}
