package io.github.fmnist.explain.render;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Prediction;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders the seed's explanation figure: the original grayscale image | the relevance heatmap in the jet
 * colours (bright yellow/red = most influential) | the heatmap alpha-blended over the image, side by side
 * under a title {@code "Predicted: Ankle boot (0.97) / True: Ankle boot"}, with a colour bar. The 28×28
 * pixels are upscaled {@code scale} times (nearest neighbour for the image, bilinear for the heatmap).
 *
 * <pre>{@code
 * HeatmapRenderer renderer = new HeatmapRenderer();
 * renderer.write(Path.of("boot.png"), image, gradCam.explainPredicted(image), cnn.predict(image), FashionClass.ANKLE_BOOT);
 * }</pre>
 *
 * Immutable and thread-safe; works headless.
 */
public final class HeatmapRenderer {
    /** Default upscaling: 28 px become 280 px. */
    public static final int DEFAULT_SCALE = 10;
    /** Default heatmap opacity in the overlay. */
    public static final double DEFAULT_ALPHA = 0.45;

    private final Triptych triptych;
    private final int scale;

    /** Scale 10, overlay opacity 0.45. */
    public HeatmapRenderer() {
        this(DEFAULT_SCALE, DEFAULT_ALPHA);
    }

    /**
     * @param scale output pixels per image pixel, 1..40
     * @param alpha heatmap opacity in the overlay, 0..1
     */
    public HeatmapRenderer(int scale, double alpha) {
        if (scale < 1 || scale > 40) {
            throw new InvalidInputException("scale must be in [1, 40], found " + scale);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new InvalidInputException("alpha must be in [0, 1], found " + alpha);
        }
        this.scale = scale;
        this.triptych = new Triptych(scale, alpha);
    }

    /** The figure for a labelled image; the title turns red when the prediction is wrong. */
    public BufferedImage render(Image image, Explanation explanation, Prediction prediction, FashionClass trueClass) {
        Color colour = prediction.predicted() == trueClass ? FigureLabels.NEUTRAL : FigureLabels.WRONG;
        return render(image, explanation, FigureLabels.title(prediction, trueClass), colour);
    }

    /** The figure for an image without a known class. */
    public BufferedImage render(Image image, Explanation explanation, Prediction prediction) {
        return render(image, explanation, FigureLabels.predicted(prediction), FigureLabels.NEUTRAL);
    }

    /** Renders as {@link #render(Image, Explanation, Prediction, FashionClass)} and writes a PNG atomically. */
    public void write(Path file, Image image, Explanation explanation, Prediction prediction, FashionClass trueClass)
            throws IOException {
        AtomicPngWriter.write(render(image, explanation, prediction, trueClass), file);
    }

    /** Renders as {@link #render(Image, Explanation, Prediction)} and writes a PNG atomically. */
    public void write(Path file, Image image, Explanation explanation, Prediction prediction) throws IOException {
        AtomicPngWriter.write(render(image, explanation, prediction), file);
    }

    /** Left edge of panel {@code index} (0 original, 1 heatmap, 2 overlay) in a rendered figure. */
    public int panelLeft(int index) {
        return margin() + index * (triptych.panelSize() + triptych.gap());
    }

    /** Top edge of the panels in a rendered figure. */
    public int panelTop() {
        return margin() + triptych.panelsTop();
    }

    private int margin() {
        return Math.max(8, scale * 2);
    }

    private BufferedImage render(Image image, Explanation explanation, String title, Color titleColour) {
        int margin = margin();
        int barWidth = Math.max(8, Math.round(scale * 1.6f));
        int barLabels = triptych.captionSize() * 2;
        int width = margin + triptych.width() + triptych.gap() + barWidth + barLabels + margin;
        int height = margin + triptych.height() + margin;
        BufferedImage out = Triptych.canvas(width, height);
        triptych.paint(out, margin, margin, image, explanation, title, titleColour);
        int barLeft = margin + triptych.width() + triptych.gap();
        int top = panelTop();
        Panels.colorBar(out, barLeft, top, barWidth, triptych.panelSize());
        Graphics2D g = Triptych.graphics(out);
        try {
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, triptych.captionSize()));
            int textLeft = barLeft + barWidth + 4;
            g.drawString("1", textLeft, top + triptych.captionSize());
            g.drawString("0", textLeft, top + triptych.panelSize());
        } finally {
            g.dispose();
        }
        return out;
    }
}
