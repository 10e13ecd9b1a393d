package io.github.fmnist.explain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explanation;
import io.github.fmnist.api.model.Prediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapRendererTest {
    private static final int BLACK = 0x000000;

    static Image gradient() {
        byte[] pixels = new byte[Image.PIXELS];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (byte) (p % Image.SIDE * 9);
        }
        return Image.of(pixels);
    }

    static Explanation uniform(float value) {
        float[] map = new float[Image.PIXELS];
        Arrays.fill(map, value);
        return new Explanation("gradcam", FashionClass.ANKLE_BOOT, 0.9f, map, Map.of());
    }

    static Prediction bootPrediction() {
        float[] p = new float[FashionClass.COUNT];
        p[FashionClass.ANKLE_BOOT.label()] = 0.9f;
        p[FashionClass.SNEAKER.label()] = 0.1f;
        return new Prediction(p);
    }

    @Test
    void jetRunsFromDarkBlueThroughCyanAndYellowToDarkRed() {
        assertEquals(0x000080, JetColorMap.rgb(0));
        assertEquals(0x00FFFF, JetColorMap.rgb(0.375));
        assertEquals(0xFFFF00, JetColorMap.rgb(0.625));
        assertEquals(0x800000, JetColorMap.rgb(1));
        assertEquals(0x000080, JetColorMap.rgb(-3));
        assertEquals(0x800000, JetColorMap.rgb(7));
    }

    @Test
    void paintsOriginalHeatmapAndOverlaySideBySide() {
        HeatmapRenderer renderer = new HeatmapRenderer();
        Image image = gradient();
        BufferedImage low = renderer.render(image, uniform(0f), bootPrediction(), FashionClass.ANKLE_BOOT);
        BufferedImage high = renderer.render(image, uniform(1f), bootPrediction(), FashionClass.ANKLE_BOOT);

        int panel = 28 * HeatmapRenderer.DEFAULT_SCALE;
        assertTrue(low.getWidth() >= 3 * panel && low.getHeight() > panel, low.getWidth() + "×" + low.getHeight());
        assertTrue(renderer.panelLeft(2) + panel <= low.getWidth() && renderer.panelTop() + panel <= low.getHeight());
        int top = renderer.panelTop();
        // original: pixel (row 3, column 5) has gray 45, drawn as a 10×10 block
        for (int dy : new int[] {0, 9}) {
            assertEquals(0x2D2D2D, rgb(low, renderer.panelLeft(0) + 5 * 10 + dy, top + 3 * 10 + dy));
        }
        // heatmap: jet endpoints
        assertEquals(0x000080, rgb(low, renderer.panelLeft(1) + 140, top + 140));
        assertEquals(0x800000, rgb(high, renderer.panelLeft(1) + 140, top + 140));
        // overlay: 0.55 · gray + 0.45 · jet, on the black first column and on gray 45
        assertEquals(rgbOf(0, 0, 58), rgb(low, renderer.panelLeft(2) + 2, top + 2));
        assertEquals(rgbOf(Math.round(0.55f * 45 + 0.45f * 128), Math.round(0.55f * 45), Math.round(0.55f * 45)),
                rgb(high, renderer.panelLeft(2) + 55, top + 35));
        // the title is drawn above the panels in black
        assertTrue(hasColour(low, 0, renderer.panelTop() / 2, BLACK), "no title text found");
    }

    @Test
    void writesPngsAtomicallyAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        HeatmapRenderer renderer = new HeatmapRenderer(4, 0.5);
        Path file = dir.resolve("figures/boot.png");
        renderer.write(file, gradient(), uniform(0.5f), bootPrediction(), FashionClass.SNEAKER);
        renderer.write(file, gradient(), uniform(1f), bootPrediction(), FashionClass.SNEAKER);

        BufferedImage read = ImageIO.read(file.toFile());
        BufferedImage expected = renderer.render(gradient(), uniform(1f), bootPrediction(), FashionClass.SNEAKER);
        assertEquals(expected.getWidth(), read.getWidth());
        assertEquals(expected.getHeight(), read.getHeight());
        assertEquals(0x800000, rgb(read, renderer.panelLeft(1) + 50, renderer.panelTop() + 50), "the second write replaced the first");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedWriteLeavesTheDirectoryAsItWas(@TempDir Path dir) throws IOException {
        Path occupied = dir.resolve("figure.png");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("keep.txt"), "x");
        assertThrows(IOException.class, () -> new HeatmapRenderer(2, 0.5)
                .write(occupied, gradient(), uniform(0.5f), bootPrediction(), FashionClass.ANKLE_BOOT));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(occupied), files.toList());
        }
    }

    @Test
    void rejectsUnreadableSettings() {
        assertThrows(InvalidInputException.class, () -> new HeatmapRenderer(0, 0.5));
        assertThrows(InvalidInputException.class, () -> new HeatmapRenderer(10, 1.5));
    }

    @Test
    void titlesSayWhatWasPredictedAndWhatIsTrue() {
        assertEquals("Predicted: Ankle boot (0.90) / True: Sneaker", FigureLabels.title(bootPrediction(), FashionClass.SNEAKER));
        assertEquals("Predicted: Ankle boot (0.90)", FigureLabels.predicted(bootPrediction()));
        assertEquals("Grad-CAM", FigureLabels.method("gradcam"));
        assertEquals("lime", FigureLabels.method("lime"));
    }

    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    static int rgbOf(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }

    static boolean hasColour(BufferedImage image, int left, int row, int rgb) {
        for (int y = Math.max(0, row - 15); y < Math.min(image.getHeight(), row + 15); y++) {
            for (int x = left; x < image.getWidth(); x++) {
                if (rgb(image, x, y) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
