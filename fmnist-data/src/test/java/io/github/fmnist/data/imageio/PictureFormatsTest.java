package io.github.fmnist.data.imageio;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.InvalidInputException;

import io.github.fmnist.api.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real-file cases: EXIF orientation, palette and 16-bit PNG, readers for CMYK JPEG and WebP, subsampling. */
class PictureFormatsTest {
    private final ImageImporter importer = new ImageImporter();

    @TempDir
    Path dir;

    /** A wide bar lying on its side (120×40 on a 300×200 white picture): upright it would be tall. */
    private static BufferedImage lyingBar() {
        BufferedImage picture = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 200);
        g.setColor(new Color(20, 30, 120));
        g.fillRect(90, 80, 120, 40);
        g.dispose();
        return picture;
    }

    @Test
    void aJpegWithExifOrientationSixIsTurnedUpright() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(lyingBar(), "jpg", jpeg);
        Path file = dir.resolve("phone.jpg");
        Files.write(file, withExifOrientation(jpeg.toByteArray(), 6));
        Image image = importer.importImage(file);
        ImageImporterTest.Box box = ImageImporterTest.Box.of(image, 128);
        assertEquals(0, box.top(), "turned upright, the bar is tall: " + box);
        assertEquals(27, box.bottom(), box.toString());
        assertTrue(box.right() - box.left() + 1 <= 11, "and narrow: " + box);

        Path plain = dir.resolve("plain.jpg");
        Files.write(plain, jpeg.toByteArray());
        ImageImporterTest.Box lying = ImageImporterTest.Box.of(importer.importImage(plain), 128);
        assertEquals(0, lying.left(), "without EXIF it stays wide: " + lying);
        assertEquals(27, lying.right(), lying.toString());
    }

    @Test
    void palettePngIsImported() throws IOException {
        byte[] grey = {(byte) 255, 20};
        IndexColorModel palette = new IndexColorModel(1, 2, grey, grey, grey);
        BufferedImage picture = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_BINARY, palette);
        WritableRaster raster = picture.getRaster();
        for (int y = 40; y < 160; y++) {
            for (int x = 80; x < 120; x++) {
                raster.setSample(x, y, 0, 1);
            }
        }
        Path file = dir.resolve("palette.png");
        ImageIO.write(picture, "png", file.toFile());
        ImageImporterTest.Box box = ImageImporterTest.Box.of(importer.importImage(file), 128);
        assertEquals(new ImageImporterTest.Box(0, 27, 10, 18), box, "40:120 of 28 is 9 columns, centred");
    }

    @Test
    void sixteenBitGrayPngKeepsItsLevels() throws IOException {
        BufferedImage picture = new BufferedImage(100, 100, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 20; y < 80; y++) {
            for (int x = 20; x < 80; x++) {
                picture.getRaster().setSample(x, y, 0, y < 50 ? 65535 : 32896);
            }
        }
        Path file = dir.resolve("deep.png");
        ImageIO.write(picture, "png", file.toFile());
        Image image = importer.importImage(file);
        assertEquals(255, image.pixel(5, 14));
        assertEquals(128, image.pixel(22, 14), 1);
    }

    @Test
    void twelveMonkeysReadersAreRegistered() {
        assertTrue(ImageIO.getImageReadersByFormatName("webp").hasNext(), "WebP reader");
        boolean cmykCapable = false;
        for (var readers = ImageIO.getImageReadersByFormatName("jpeg"); readers.hasNext(); ) {
            cmykCapable |= readers.next().getClass().getName().startsWith("com.twelvemonkeys");
        }
        assertTrue(cmykCapable, "the TwelveMonkeys JPEG reader (CMYK, YCCK) is among the JPEG readers");
    }

    @Test
    void largePicturesAreSubsampledToNoLessThanTheDecodeSide() {
        PictureReader reader = new PictureReader(ImageImporter.DEFAULT_MAX_PIXELS, 800); // as for a working side of 800
        assertEquals(5, reader.subsampling(4000, 3000));
        assertEquals(1, reader.subsampling(640, 480));
        assertEquals(1, reader.subsampling(1599, 100));
    }

    @Test
    void bytesInMemoryAreImportedExactlyLikeTheirFile() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(lyingBar(), "jpg", jpeg);
        byte[] phone = withExifOrientation(jpeg.toByteArray(), 6);
        Path file = dir.resolve("phone-bytes.jpg");
        Files.write(file, phone);
        assertEquals(importer.importImage(file), importer.importImage(phone, "phone-bytes.jpg"),
                "EXIF orientation applies to bytes as to the file");

        BufferedImage large = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(lyingBar(), 0, 0, 3000, 2000, null);
        g.dispose();
        Path largeFile = dir.resolve("large-bytes.jpg");
        ImageIO.write(large, "jpg", largeFile.toFile());
        assertEquals(importer.importImage(largeFile), importer.importImage(Files.readAllBytes(largeFile), "large-bytes.jpg"),
                "subsampled alike");

        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> importer.importImage(new byte[0], "e.png"));
        assertTrue(empty.getMessage().contains("e.png: empty file"), empty.getMessage());
        assertThrows(InvalidInputException.class, () -> importer.importImage("text".getBytes(), "t.png"));
    }

    @Test
    void aLargeJpegIsImportedLikeASmallOne() throws IOException {
        BufferedImage large = new BufferedImage(3000, 2000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.drawImage(lyingBar(), 0, 0, 3000, 2000, null);
        g.dispose();
        Path file = dir.resolve("large.jpg");
        ImageIO.write(large, "jpg", file.toFile());
        ImageImporterTest.Box box = ImageImporterTest.Box.of(importer.importImage(file), 128);
        assertEquals(0, box.left(), box.toString());
        assertEquals(27, box.right(), box.toString());
    }

    /** The JPEG with an APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) right after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        DataOutputStream t = new DataOutputStream(tiff);
        t.writeBytes("MM");
        t.writeShort(42);
        t.writeInt(8);
        t.writeShort(1);          // one entry
        t.writeShort(0x0112);     // Orientation
        t.writeShort(3);          // SHORT
        t.writeInt(1);
        t.writeShort(orientation);
        t.writeShort(0);
        t.writeInt(0);            // no next IFD
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.write(jpeg, 0, 2);      // SOI
        o.writeShort(0xFFE1);
        o.writeShort(2 + 6 + body.length);
        o.writeBytes("Exif");
        o.writeShort(0);
        o.write(body);
        o.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
