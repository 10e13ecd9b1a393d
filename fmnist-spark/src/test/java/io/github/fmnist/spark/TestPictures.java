package io.github.fmnist.spark;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.imageio.PngExporter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Picture files made from Fashion-MNIST test images (never committed: written into a temporary folder). */
public final class TestPictures {
    /** How a picture is stored. */
    public enum Format {
        /** The 28×28 image as a PNG. */
        PNG_28,
        /** Enlarged 4× (112×112), PNG. */
        PNG_112,
        /** Enlarged 8× (224×224), dark on light like a product photo, JPEG. */
        JPEG_224
    }

    private TestPictures() {
    }

    /** Writes the first {@code count} test images into {@code folder}, cycling through {@code formats}; returns the files. */
    public static List<Path> write(Path folder, int count, Format... formats) throws IOException {
        LabeledDataset test = FashionMnist.load().test();
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Format format = formats[i % formats.length];
            Image image = test.images().get(i % test.size());
            Path file = folder.resolve(String.format(Locale.ROOT, "%05d-%s.%s", i, format.name().toLowerCase(Locale.ROOT),
                    format == Format.JPEG_224 ? "jpg" : "png"));
            switch (format) {
                case PNG_28 -> PngExporter.write(image, 1, file);
                case PNG_112 -> PngExporter.write(image, 4, file);
                case JPEG_224 -> writeJpeg(image, 8, file);
            }
            files.add(file);
        }
        return files;
    }

    private static void writeJpeg(Image image, int scale, Path file) throws IOException {
        int side = Image.SIDE * scale;
        BufferedImage picture = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int grey = 255 - image.pixel(y / scale, x / scale);
                picture.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        if (!ImageIO.write(picture, "jpg", file.toFile())) {
            throw new IllegalStateException("no JPEG writer");
        }
    }

    /** Bad files, by what is wrong with them: text, empty, truncated PNG, and a PNG header claiming 10^10 pixels. */
    static List<Path> writeBad(Path folder, Path goodPng) throws IOException {
        Files.createDirectories(folder);
        byte[] good = Files.readAllBytes(goodPng);
        return List.of(
                Files.writeString(folder.resolve("bad-text.png"), "this is not a picture\n"),
                Files.write(folder.resolve("bad-empty.png"), new byte[0]),
                Files.write(folder.resolve("bad-truncated.png"), java.util.Arrays.copyOf(good, 60)),
                Files.write(folder.resolve("bad-huge.png"), pngHeader(100_000, 100_000)));
    }

    /** A PNG signature and a valid IHDR chunk for a width × height 8-bit grey image, and nothing else. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer chunk = ByteBuffer.allocate(17).put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(chunk.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4)
                .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(chunk.array()).putInt((int) crc.getValue()).array();
    }
}
