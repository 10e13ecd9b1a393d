package io.github.fmnist.explain.render;

import io.github.fmnist.api.InvalidInputException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders many explanation figures as a grid under a heading, row by row; each figure is titled with
 * its predicted and true class, green when right and red when wrong. With
 * {@link GallerySelection#correctAndWrongPerClass} and two columns, each row shows one class: a correct
 * example on the left, a mistake on the right.
 *
 * <pre>{@code
 * new GalleryRenderer(4, 0.45, 2).write(Path.of("gallery.png"), "Grad-CAM on cnn", entries);
 * }</pre>
 *
 * Immutable and thread-safe; works headless.
 */
public final class GalleryRenderer {
    private final Triptych triptych;
    private final int columns;
    private final int spacing;
    private final int headingSize;

    /**
     * @param scale   output pixels per image pixel, 1..40 (4 keeps a 20-figure gallery under 1,200 px wide)
     * @param alpha   heatmap opacity in the overlays
     * @param columns figures per row, at least 1
     */
    public GalleryRenderer(int scale, double alpha, int columns) {
        if (scale < 1 || scale > 40) {
            throw new InvalidInputException("scale must be in [1, 40], found " + scale);
        }
        if (columns < 1) {
            throw new InvalidInputException("a gallery needs at least one column, found " + columns);
        }
        this.triptych = new Triptych(scale, alpha);
        this.columns = columns;
        this.spacing = Math.max(12, scale * 6);
        this.headingSize = Math.max(14, scale * 4);
    }

    /**
     * @throws InvalidInputException if there are no entries
     */
    public BufferedImage render(String heading, List<GalleryEntry> entries) {
        if (entries.isEmpty()) {
            throw new InvalidInputException("a gallery needs at least one entry");
        }
        int rows = (entries.size() + columns - 1) / columns;
        int cellWidth = triptych.width();
        int cellHeight = triptych.height();
        int top = spacing + headingSize * 3 / 2;
        int width = spacing + columns * (cellWidth + spacing);
        int height = top + rows * (cellHeight + spacing);
        BufferedImage out = Triptych.canvas(width, height);
        Graphics2D g = Triptych.graphics(out);
        try {
            g.setColor(Color.BLACK);
            Triptych.drawCentred(g, heading, Font.BOLD, headingSize, 0, width, spacing + headingSize);
        } finally {
            g.dispose();
        }
        for (int i = 0; i < entries.size(); i++) {
            GalleryEntry e = entries.get(i);
            int left = spacing + (i % columns) * (cellWidth + spacing);
            int cellTop = top + (i / columns) * (cellHeight + spacing);
            triptych.paint(out, left, cellTop, e.image(), e.explanation(), FigureLabels.title(e.prediction(), e.trueClass()),
                    e.correct() ? FigureLabels.CORRECT : FigureLabels.WRONG);
        }
        return out;
    }

    /** Renders and writes a PNG atomically. */
    public void write(Path file, String heading, List<GalleryEntry> entries) throws IOException {
        AtomicPngWriter.write(render(heading, entries), file);
    }
}
