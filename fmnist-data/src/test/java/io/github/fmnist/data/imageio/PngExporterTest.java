package io.github.fmnist.data.imageio;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.data.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PngExporterTest {
    private final List<Image> images = SyntheticData.dataset(5, 0).images().stream().toList();

    @TempDir
    Path dir;

    @Test
    void singleImageRoundTripsAtScale() throws IOException {
        Path file = dir.resolve("out/one.png");
        PngExporter.write(images.get(2), 3, file);
        BufferedImage png = ImageIO.read(file.toFile());
        assertEquals(84, png.getWidth());
        assertEquals(84, png.getHeight());
        for (int row = 0; row < 28; row++) {
            for (int col = 0; col < 28; col++) {
                for (int dy = 0; dy < 3; dy++) {
                    assertEquals(images.get(2).pixel(row, col), png.getRaster().getSample(col * 3 + 2, row * 3 + dy, 0));
                }
            }
        }
        assertEquals(List.of("one.png"), listing(file.getParent()), "no temporary file is left");
    }

    @Test
    void gridPlacesImagesRowByRowWithGaps() throws IOException {
        Path file = dir.resolve("grid.png");
        PngExporter.writeGrid(images, 3, 2, file);
        BufferedImage png = ImageIO.read(file.toFile());
        int cell = 56;
        int gap = 2;
        assertEquals(3 * cell + 2 * gap, png.getWidth());
        assertEquals(2 * cell + gap, png.getHeight());
        for (int i = 0; i < images.size(); i++) {
            int left = (i % 3) * (cell + gap);
            int top = (i / 3) * (cell + gap);
            for (int row = 0; row < 28; row++) {
                for (int col = 0; col < 28; col++) {
                    assertEquals(images.get(i).pixel(row, col),
                            png.getRaster().getSample(left + col * 2 + 1, top + row * 2 + 1, 0), "image " + i);
                }
            }
        }
        assertEquals(PngExporter.GAP_GREY, png.getRaster().getSample(cell, 0, 0), "gap");
        assertEquals(PngExporter.GAP_GREY, png.getRaster().getSample(png.getWidth() - 1, png.getHeight() - 1, 0),
                "the unused last cell");
    }

    @Test
    void existingFileIsReplacedWhole() throws IOException {
        Path file = dir.resolve("replace.png");
        Files.writeString(file, "old content that is not a PNG");
        PngExporter.write(images.getFirst(), 1, file);
        assertEquals(28, ImageIO.read(file.toFile()).getWidth());
        assertEquals(List.of("replace.png"), listing(dir));
    }

    @Test
    void invalidArgumentsAreRejected() {
        Path file = dir.resolve("x.png");
        assertThrows(InvalidInputException.class, () -> PngExporter.writeGrid(List.of(), 2, 1, file));
        assertThrows(InvalidInputException.class, () -> PngExporter.writeGrid(images, 0, 1, file));
        assertThrows(InvalidInputException.class, () -> PngExporter.write(images.getFirst(), 0, file));
        assertThrows(InvalidInputException.class, () -> PngExporter.write(images.getFirst(), 65, file));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
