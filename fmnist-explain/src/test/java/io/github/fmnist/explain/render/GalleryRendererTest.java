package io.github.fmnist.explain.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Prediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryRendererTest {

    @Test
    void laysFiguresOutInAGridWithCorrectAndWrongTitlesColoured(@TempDir Path dir) throws IOException {
        GalleryEntry right = new GalleryEntry(HeatmapRendererTest.gradient(), HeatmapRendererTest.uniform(1f),
                HeatmapRendererTest.bootPrediction(), FashionClass.ANKLE_BOOT);
        GalleryEntry wrong = new GalleryEntry(HeatmapRendererTest.gradient(), HeatmapRendererTest.uniform(0f),
                HeatmapRendererTest.bootPrediction(), FashionClass.SANDAL);
        GalleryRenderer renderer = new GalleryRenderer(4, 0.45, 2);
        BufferedImage two = renderer.render("Grad-CAM", List.of(right, wrong));
        BufferedImage three = renderer.render("Grad-CAM", List.of(right, wrong, right));

        assertEquals(two.getWidth(), three.getWidth(), "two columns either way");
        assertTrue(three.getHeight() > two.getHeight() + 28 * 4, "a third figure opens a second row");
        assertTrue(two.getWidth() >= 2 * 3 * 28 * 4);
        int green = FigureLabels.CORRECT.getRGB() & 0xFFFFFF;
        int red = FigureLabels.WRONG.getRGB() & 0xFFFFFF;
        assertTrue(HeatmapRendererTest.hasColour(two, 0, 50, green) || HeatmapRendererTest.hasColour(two, 0, 70, green),
                "no green title for the correct example");
        assertTrue(HeatmapRendererTest.hasColour(two, two.getWidth() / 2, 50, red)
                || HeatmapRendererTest.hasColour(two, two.getWidth() / 2, 70, red), "no red title for the mistake");

        Path file = dir.resolve("gallery.png");
        renderer.write(file, "Grad-CAM", List.of(right, wrong));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertThrows(InvalidInputException.class, () -> renderer.render("empty", List.of()));
        assertThrows(InvalidInputException.class, () -> new GalleryRenderer(4, 0.45, 0));
    }

    @Test
    void selectsTheFirstCorrectAndFirstWrongExampleOfEachClass() {
        List<Prediction> predictions = List.of(predicting(0), predicting(0), predicting(3), predicting(1), predicting(1),
                predicting(0));
        int[] labels = {0, 1, 0, 1, 9, 0};
        // class 0: correct 0, wrong 2; class 1: correct 3, wrong 1; class 9: wrong 4
        assertArrayEquals(new int[] {0, 2, 3, 1, 4}, GallerySelection.correctAndWrongPerClass(predictions, labels));
        assertThrows(InvalidInputException.class, () -> GallerySelection.correctAndWrongPerClass(predictions, new int[2]));
    }

    private static Prediction predicting(int label) {
        float[] p = new float[FashionClass.COUNT];
        p[label] = 1f;
        return new Prediction(p);
    }
}
