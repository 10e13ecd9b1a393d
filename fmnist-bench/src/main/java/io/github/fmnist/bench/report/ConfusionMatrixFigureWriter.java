package io.github.fmnist.bench.report;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.ModelOutcome;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes {@code figures/confusion-<model>.png} for every completed model: the seed's figure, counts in a
 * blue colour scale with class names on both axes, "Predicted Label" across and "True Label" down.
 */
public final class ConfusionMatrixFigureWriter implements ReportWriter {
    private static final int CELL = 56;
    private static final int LEFT = 150;
    private static final int TOP = 60;
    private static final int BOTTOM = 130;
    private static final int RIGHT = 30;
    /** Matplotlib's "Blues" end points, light to dark. */
    private static final Color LIGHT = new Color(247, 251, 255);
    private static final Color MID = new Color(107, 174, 214);
    private static final Color DARK = new Color(8, 48, 107);

    /** The figure's path relative to the output folder. */
    public static String relativePath(String modelId) {
        return "figures/confusion-" + modelId + ".png";
    }

    @Override
    public void write(BenchResults results, Path outputDirectory) throws IOException {
        for (ModelOutcome.Completed c : results.completed()) {
            BufferedImage image = render(c.run().displayName() + " (" + c.modelId() + ")",
                    c.evaluation().confusionMatrix().counts());
            AtomicFile.write(outputDirectory.resolve(relativePath(c.modelId())), out -> {
                // An in-memory stream: ImageIO's default file cache registers a shutdown hook on first use, which
                // fails ("Shutdown in progress") when the first figure is written after Ctrl-C.
                try (MemoryCacheImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                    ImageIO.write(image, "png", png);
                }
            });
        }
    }

    /** The figure for a 10×10 count matrix (rows true classes, columns predictions). */
    static BufferedImage render(String title, int[][] counts) {
        int n = FashionClass.COUNT;
        int width = LEFT + n * CELL + RIGHT;
        int height = TOP + n * CELL + BOTTOM;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int max = 1;
            for (int[] row : counts) {
                for (int v : row) {
                    max = Math.max(max, v);
                }
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int t = 0; t < n; t++) {
                for (int p = 0; p < n; p++) {
                    double level = (double) counts[t][p] / max;
                    Color fill = blues(level);
                    g.setColor(fill);
                    g.fillRect(LEFT + p * CELL, TOP + t * CELL, CELL, CELL);
                    g.setColor(level > 0.5 ? Color.WHITE : Color.BLACK);
                    centred(g, Integer.toString(counts[t][p]), LEFT + p * CELL + CELL / 2, TOP + t * CELL + CELL / 2 + 5);
                }
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            centred(g, "Confusion matrix: " + title, width / 2, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            List<String> names = FashionClass.displayNames();
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < n; i++) {
                String name = names.get(i);
                g.drawString(name, LEFT - 8 - fm.stringWidth(name), TOP + i * CELL + CELL / 2 + 5);
                AffineTransform saved = g.getTransform();
                g.translate(LEFT + i * CELL + CELL / 2 + 5, TOP + n * CELL + 8);
                g.rotate(Math.toRadians(45));
                g.drawString(name, 0, 0);
                g.setTransform(saved);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            centred(g, "Predicted Label", LEFT + n * CELL / 2, height - 12);
            AffineTransform saved = g.getTransform();
            g.translate(18, TOP + n * CELL / 2);
            g.rotate(-Math.PI / 2);
            centred(g, "True Label", 0, 0);
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        return image;
    }

    static Color blues(double level) {
        double v = Math.max(0, Math.min(1, level));
        return v < 0.5 ? mix(LIGHT, MID, v * 2) : mix(MID, DARK, (v - 0.5) * 2);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static void centred(Graphics2D g, String text, int x, int baseline) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "confusion-matrix figures (%d px cells)", CELL);
    }
}
