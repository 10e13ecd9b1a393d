package io.github.fmnist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.data.imageio.ImageImporter;
import io.github.fmnist.data.imageio.PngExporter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureDecoderTest {
    private final PictureDecoder decoder = new PictureDecoder(ImageImporter.DEFAULT_MAX_PIXELS);

    private static Path png(Path dir) {
        byte[] pixels = new byte[Image.PIXELS];
        for (int i = 300; i < 500; i++) {
            pixels[i] = (byte) (i % 251);
        }
        Path file = dir.resolve("p.png");
        PngExporter.write(Image.of(pixels), 3, file);
        return file;
    }

    @Test
    void decodesLikeTheImporterReadsTheFile(@TempDir Path dir) throws Exception {
        Path file = png(dir);
        BufferedImage decoded = decoder.decode(Files.readAllBytes(file), "p.png");
        assertEquals(84, decoded.getWidth());
        ImageImporter importer = new ImageImporter();
        assertEquals(importer.importImage(file), importer.importImage(decoded));
    }

    @Test
    void namesTheSourceAndProblem(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(png(dir));
        assertTrue(assertThrows(InvalidInputException.class, () -> decoder.decode(new byte[0], "a.png"))
                .getMessage().startsWith("a.png: empty file"));
        assertTrue(assertThrows(InvalidInputException.class, () -> decoder.decode("text".getBytes(), "b.png"))
                .getMessage().contains("b.png: not a readable image"));
        assertTrue(assertThrows(CorruptDataException.class, () -> decoder.decode(Arrays.copyOf(good, 60), "c.png"))
                .getMessage().startsWith("c.png"));
        InvalidInputException huge = assertThrows(InvalidInputException.class,
                () -> decoder.decode(TestPictures.pngHeader(100_000, 100_000), "d.png"));
        assertTrue(huge.getMessage().contains("100000×100000"), huge.getMessage());
    }
}
