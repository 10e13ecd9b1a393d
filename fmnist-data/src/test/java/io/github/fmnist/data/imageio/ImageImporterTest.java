package io.github.fmnist.data.imageio;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageImporterTest {
    private final ImageImporter importer = new ImageImporter();

    @TempDir
    Path dir;

    /** A 300×200 white picture with a dark blue upright bar of 40×120 off centre, like a photographed trouser. */
    private static BufferedImage lightBackgroundPhoto(int type) {
        BufferedImage picture = new BufferedImage(300, 200, type);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(new Color(20, 30, 120));
        g.fillRect(200, 50, 40, 120);
        g.dispose();
        return picture;
    }

    @Test
    void lightBackgroundColourImageIsInvertedCroppedAndResized() {
        Image image = importer.importImage(lightBackgroundPhoto(BufferedImage.TYPE_INT_RGB));
        Box box = Box.of(image, 128);
        assertEquals(0, box.top(), box.toString());
        assertEquals(27, box.bottom(), "the longer side fills the 28 rows: " + box);
        int width = box.right() - box.left() + 1;
        assertTrue(width >= 9 && width <= 10, "aspect kept, 40:120 of 28 is 9.3: " + box);
        assertTrue(Math.abs((box.left() + box.right()) / 2.0 - 13.5) <= 1.0, "centred: " + box);
        assertEquals(255, image.pixel(14, 14), "the object becomes white");
        assertEquals(0, image.pixel(14, 2), "the background becomes black");
    }

    @Test
    void smallerObjectSizeLeavesAMargin() {
        Image image = new ImageImporter(ImageImporter.DEFAULT_MAX_PIXELS, 20)
                .importImage(lightBackgroundPhoto(BufferedImage.TYPE_INT_RGB));
        Box box = Box.of(image, 128);
        assertEquals(4, box.top(), box.toString());
        assertEquals(23, box.bottom(), box.toString());
    }

    @Test
    void darkBackgroundIsNotInverted() {
        BufferedImage picture = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(10, 10, 10));
        g.fillRect(0, 0, 100, 100);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(30, 30, 40, 40);
        g.dispose();
        Image image = importer.importImage(picture);
        assertEquals(255, image.pixel(14, 14));
        Box box = Box.of(image, 128);
        assertEquals(new Box(0, 27, 0, 27), box, "a square object fills the frame");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void midGrayKeepsItsLevel(boolean viaPngFile) throws IOException {
        BufferedImage picture = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 20; y < 80; y++) {
            for (int x = 20; x < 80; x++) {
                picture.getRaster().setSample(x, y, 0, y < 50 ? 255 : 128);
            }
        }
        Path file = dir.resolve("gray.png");
        ImageIO.write(picture, "png", file.toFile());
        Image image = viaPngFile ? importer.importImage(file) : importer.importImage(picture);
        assertEquals(255, image.pixel(5, 14));
        assertEquals(128, image.pixel(22, 14), 1, "a stored 128 stays mid-grey (getRGB would give about 186)");
    }

    @Test
    void transparentBackgroundCountsAsLight() {
        BufferedImage picture = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(0, 0, 0, 255));
        g.fillOval(20, 40, 80, 40);
        g.dispose();
        Image image = importer.importImage(picture);
        assertEquals(255, image.pixel(14, 14), "the opaque black object becomes white");
        assertEquals(0, image.pixel(0, 0));
        assertEquals(0, image.pixel(27, 27));
    }

    @Test
    void downscalingIsAntiAliased() {
        // within the working size, so the only shrinking is the final fit to 28×28
        BufferedImage picture = new BufferedImage(ImageImporter.WORK_SIDE, ImageImporter.WORK_SIDE,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 20; y < 300; y++) {
            for (int x = 20; x < 300; x++) {
                picture.getRaster().setSample(x, y, 0, (x + y) % 2 == 0 ? 255 : 0);
            }
        }
        Image image = importer.importImage(picture);
        for (int row = 1; row < 27; row++) {
            for (int col = 1; col < 27; col++) {
                int v = image.pixel(row, col);
                assertTrue(v > 100 && v < 155, "a 1-pixel checkerboard averages to grey, found " + v + " at "
                        + row + "," + col);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif"})
    void commonFormatsAreImportedFromFiles(String format) throws IOException {
        Path file = dir.resolve("photo." + format);
        assertTrue(ImageIO.write(lightBackgroundPhoto(BufferedImage.TYPE_INT_RGB), format, file.toFile()));
        Image image = importer.importImage(file);
        Box box = Box.of(image, 128);
        assertEquals(0, box.top(), format + " " + box);
        assertEquals(27, box.bottom(), format + " " + box);
        assertTrue(image.pixel(14, 14) > 200, format + " object is light");
        assertTrue(image.pixel(14, 1) < 30, format + " background is dark");
    }

    @Test
    void hugeDimensionsInTheHeaderAreRejectedBeforeDecoding() throws IOException {
        Path file = dir.resolve("bomb.png");
        Files.write(file, pngHeaderOnly(50_000, 50_000));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> importer.importImage(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("50000×50000"), e.getMessage());
        assertTrue(e.getMessage().contains("50000000"), "names the limit: " + e.getMessage());
    }

    @Test
    void truncatedImageIsCorruptData() throws IOException {
        Path full = dir.resolve("full.png");
        ImageIO.write(lightBackgroundPhoto(BufferedImage.TYPE_INT_RGB), "png", full.toFile());
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> importer.importImage(cut));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("300×200"), e.getMessage());
    }

    @Test
    void unreadableFormatAndMissingFileAreInvalidInput() throws IOException {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "this is not a picture", StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> importer.importImage(text));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("not a readable image"),
                e.getMessage());
        assertThrows(InvalidInputException.class, () -> importer.importImage(dir.resolve("missing.jpg")));
        assertThrows(InvalidInputException.class, () -> new ImageImporter(0, 28));
        assertThrows(InvalidInputException.class, () -> new ImageImporter(100, 29));
    }

    /** A PNG signature and an IHDR chunk (with a correct CRC) declaring the given size, and no pixel data. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(width);
        c.writeInt(height);
        c.writeByte(8); // bit depth
        c.writeByte(2); // colour type: RGB
        c.writeByte(0);
        c.writeByte(0);
        c.writeByte(0);
        byte[] data = chunk.toByteArray();
        out.writeInt(data.length - 4);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    /** The bounding box of pixels at or above a level. */
    record Box(int top, int bottom, int left, int right) {
        static Box of(Image image, int level) {
            int top = 28;
            int bottom = -1;
            int left = 28;
            int right = -1;
            for (int row = 0; row < 28; row++) {
                for (int col = 0; col < 28; col++) {
                    if (image.pixel(row, col) >= level) {
                        top = Math.min(top, row);
                        bottom = Math.max(bottom, row);
                        left = Math.min(left, col);
                        right = Math.max(right, col);
                    }
                }
            }
            return new Box(top, bottom, left, right);
        }
    }
}
