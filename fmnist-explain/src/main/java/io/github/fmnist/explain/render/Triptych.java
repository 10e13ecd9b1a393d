package io.github.fmnist.explain.render;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.explain.Explanation;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Lays out and paints one figure: a title, then original | heatmap | overlay with a caption each. */
final class Triptych {
    private final int scale;
    private final double alpha;
    private final int panel;
    private final int gap;
    private final int titleSize;
    private final int captionSize;

    Triptych(int scale, double alpha) {
        this.scale = scale;
        this.alpha = alpha;
        this.panel = Image.SIDE * scale;
        this.gap = Math.max(6, scale * 2);
        this.titleSize = Math.max(11, Math.round(scale * 2.2f));
        this.captionSize = Math.max(10, Math.round(scale * 1.6f));
    }

    int panelSize() {
        return panel;
    }

    int gap() {
        return gap;
    }

    int width() {
        return 3 * panel + 2 * gap;
    }

    /** Offset of the panels below the figure's top edge. */
    int panelsTop() {
        return titleSize * 3 / 2 + captionSize * 3 / 2;
    }

    int height() {
        return panelsTop() + panel;
    }

    int captionSize() {
        return captionSize;
    }

    void paint(BufferedImage out, int left, int top, Image image, Explanation explanation, String title, Color titleColor) {
        float[] relevance = explanation.relevance();
        int y = top + panelsTop();
        Panels.original(out, left, y, image, scale);
        Panels.heatmap(out, left + panel + gap, y, relevance, scale);
        Panels.overlay(out, left + 2 * (panel + gap), y, image, relevance, scale, alpha);
        Graphics2D g = graphics(out);
        try {
            g.setColor(titleColor);
            drawCentred(g, title, Font.BOLD, titleSize, left, width(), top + titleSize);
            g.setColor(Color.DARK_GRAY);
            int captionBaseline = top + titleSize * 3 / 2 + captionSize;
            drawCentred(g, "Original", Font.PLAIN, captionSize, left, panel, captionBaseline);
            drawCentred(g, FigureLabels.method(explanation.method()) + " for " + explanation.target().displayName(), Font.PLAIN, captionSize,
                    left + panel + gap, panel, captionBaseline);
            drawCentred(g, "Overlay", Font.PLAIN, captionSize, left + 2 * (panel + gap), panel, captionBaseline);
        } finally {
            g.dispose();
        }
    }

    static Graphics2D graphics(BufferedImage out) {
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Draws {@code text} centred in {@code [left, left + width)}, shrinking the font until it fits. */
    static void drawCentred(Graphics2D g, String text, int style, int size, int left, int width, int baseline) {
        int fontSize = size;
        FontMetrics metrics;
        do {
            g.setFont(new Font(Font.SANS_SERIF, style, fontSize));
            metrics = g.getFontMetrics();
        } while (metrics.stringWidth(text) > width && --fontSize > 6);
        g.drawString(text, left + Math.max(0, (width - metrics.stringWidth(text)) / 2), baseline);
    }

    static BufferedImage canvas(int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return out;
    }
}
