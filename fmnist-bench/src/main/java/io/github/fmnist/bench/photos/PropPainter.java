package io.github.fmnist.bench.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Small objects beside the garment on a cluttered table: ellipses and rounded boxes with their own shadows. */
final class PropPainter {
    private PropPainter() {
    }

    static void paint(Scene scene, int count, SplittableRandom random) {
        BufferedImage canvas = scene.canvas();
        int w = canvas.getWidth();
        int h = canvas.getHeight();
        double half = 0.5 * scene.size() + 0.06 * h;
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int placed = 0, tries = 0; placed < count && tries < 40; tries++) {
                double pw = random.nextDouble(0.08, 0.18) * h;
                double ph = random.nextDouble(0.08, 0.18) * h;
                double x = random.nextDouble(0.02 * w, w - pw - 0.02 * w);
                double y = random.nextDouble(0.04 * h, h - ph - 0.04 * h);
                boolean clear = x + pw < scene.centreX() - half || x > scene.centreX() + half
                        || y + ph < scene.centreY() - half || y > scene.centreY() + half;
                if (!clear) {
                    continue;
                }
                float[] c = Palette.any(random);
                g.setColor(new Color(0, 0, 0, (int) random.nextDouble(40, 90)));
                fill(g, random.nextBoolean(), x + 0.12 * pw, y + 0.15 * ph, pw, ph);
                g.setColor(new Color(Backdrops.rgb(c[0], c[1], c[2])));
                fill(g, random.nextBoolean(), x, y, pw, ph);
                placed++;
            }
        } finally {
            g.dispose();
        }
    }

    private static void fill(Graphics2D g, boolean round, double x, double y, double w, double h) {
        if (round) {
            g.fill(new java.awt.geom.Ellipse2D.Double(x, y, w, h));
        } else {
            g.fill(new java.awt.geom.RoundRectangle2D.Double(x, y, w, h, w / 4, h / 4));
        }
    }
}
