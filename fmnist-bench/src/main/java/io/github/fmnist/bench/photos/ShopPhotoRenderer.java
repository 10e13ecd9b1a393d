package io.github.fmnist.bench.photos;

import io.github.fmnist.api.Image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * Stages a Fashion-MNIST image as a shop photo in a {@link PhotoStyle}: the 28×28 image is the garment's opacity
 * (a pixel of 255 is solid garment, 0 none), enlarged smoothly, tinted, placed, optionally turned, over a backdrop,
 * with a soft drop shadow and props as the style asks. The same image, style and seed always give the same picture.
 */
public final class ShopPhotoRenderer {
    /** A staged photo: the picture, and the bytes of its file when the style stores it lossy (JPEG). */
    public record Rendition(BufferedImage picture, String format, byte[] file) {
    }

    /** Renders {@code image} in {@code style}, with randomness drawn from {@code seed} only. */
    public Rendition render(Image image, PhotoStyle style, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Scene scene = switch (style) {
            case WHITE -> whiteScene(random);
            case COLOUR -> offWhiteScene(480, 480, random, 0.62, 0.8, 0.04);
            case SMALL_OFF_CENTRE -> offWhiteScene(960, 480, random, 0.22, 0.32, -1);
            case GRADIENT, JPEG, ROTATED -> gradientScene(640, 480, random);
            case PORTRAIT -> gradientScene(480, 720, random);
            case LANDSCAPE -> gradientScene(800, 450, random);
            case TEXTURED -> texturedScene(random);
            case CLUTTERED -> clutteredScene(random);
        };
        if (style == PhotoStyle.ROTATED) {
            scene = scene.turned(random.nextDouble(4, 10) * (random.nextBoolean() ? 1 : -1));
        }
        GarmentPainter.paint(scene, image, random);
        if (style == PhotoStyle.JPEG) {
            byte[] jpeg = jpeg(scene.canvas(), (float) random.nextDouble(0.25, 0.5));
            return new Rendition(decode(jpeg), "jpg", jpeg);
        }
        return new Rendition(scene.canvas(), "png", null);
    }

    private static Scene whiteScene(SplittableRandom random) {
        BufferedImage canvas = Backdrops.canvas(480, 480);
        float grey = (float) random.nextDouble(246, 256);
        Backdrops.flat(canvas, new float[] {grey, grey, grey});
        float dark = (float) random.nextDouble(5, 60);
        float[] colour = {dark + (float) random.nextDouble(0, 12), dark, dark + (float) random.nextDouble(0, 12)};
        return Scene.centred(canvas, colour, random, 0.62, 0.8, 0.04);
    }

    private static Scene offWhiteScene(int w, int h, SplittableRandom random, double minSize, double maxSize,
            double jitter) {
        BufferedImage canvas = Backdrops.canvas(w, h);
        float[] backdrop = Palette.offWhite(random);
        Backdrops.flat(canvas, backdrop);
        float[] colour = Palette.garment(random, backdrop);
        return jitter < 0 ? Scene.anywhere(canvas, colour, random, minSize, maxSize)
                : Scene.centred(canvas, colour, random, minSize, maxSize, jitter);
    }

    private static Scene gradientScene(int w, int h, SplittableRandom random) {
        BufferedImage canvas = Backdrops.canvas(w, h);
        float[] from = Palette.light(random);
        float[] to = Palette.light(random);
        Backdrops.gradient(canvas, from, to, random.nextDouble(0.15, 0.35), random);
        float[] colour = Palette.garment(random, Palette.average(from, to));
        return Scene.centred(canvas, colour, random, 0.5, 0.7, 0.1).withShadow(random);
    }

    private static Scene texturedScene(SplittableRandom random) {
        BufferedImage canvas = Backdrops.canvas(640, 480);
        float[] base = Palette.light(random);
        Backdrops.flat(canvas, base);
        Backdrops.texture(canvas, random.nextDouble(6, 14), random.nextDouble(2, 6), random.nextDouble(2, 6), random);
        float[] colour = Palette.garment(random, base);
        return Scene.centred(canvas, colour, random, 0.5, 0.7, 0.1).withShadow(random);
    }

    private static Scene clutteredScene(SplittableRandom random) {
        BufferedImage canvas = Backdrops.canvas(640, 480);
        float[] wall = Palette.light(random);
        Backdrops.gradient(canvas, wall, Palette.light(random), random.nextDouble(0.1, 0.3), random);
        double edge = random.nextDouble(0.55, 0.75) * canvas.getHeight();
        float[] table = Palette.wood(random);
        Backdrops.table(canvas, edge, random.nextDouble(-0.03, 0.03) * canvas.getHeight(), table, random);
        float[] colour = Palette.garment(random, Palette.average(wall, table));
        Scene scene = Scene.centred(canvas, colour, random, 0.45, 0.6, 0.12).withShadow(random);
        PropPainter.paint(scene, 2 + random.nextInt(3), random);
        return scene;
    }

    private static byte[] jpeg(BufferedImage picture, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
