package io.github.fmnist.bench.photos;

import io.github.fmnist.api.Image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
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

    /** Where and how the garment goes on a canvas. */
    record Scene(BufferedImage canvas, float[] colour, double centreX, double centreY, double size, double degrees,
            double shadowOpacity, double shadowOffset) {
        static Scene centred(BufferedImage canvas, float[] colour, SplittableRandom random, double minSize,
                double maxSize, double jitter) {
            int w = canvas.getWidth();
            int h = canvas.getHeight();
            double size = random.nextDouble(minSize, maxSize) * Math.min(w, h);
            double cx = w / 2.0 + random.nextDouble(-jitter, jitter) * w;
            double cy = h / 2.0 + random.nextDouble(-jitter, jitter) * h;
            return new Scene(canvas, colour, cx, cy, size, 0, 0, 0);
        }

        static Scene anywhere(BufferedImage canvas, float[] colour, SplittableRandom random, double minSize,
                double maxSize) {
            int w = canvas.getWidth();
            int h = canvas.getHeight();
            double size = random.nextDouble(minSize, maxSize) * Math.min(w, h);
            double margin = 0.6 * size;
            double cx = random.nextDouble(margin, w - margin);
            // keep it away from the middle third so it really is off centre
            if (Math.abs(cx - w / 2.0) < w / 6.0) {
                cx += (cx < w / 2.0 ? -1 : 1) * w / 6.0;
            }
            double cy = random.nextDouble(margin, h - margin);
            return new Scene(canvas, colour, cx, cy, size, 0, 0, 0);
        }

        Scene withShadow(SplittableRandom random) {
            return new Scene(canvas, colour, centreX, centreY, size, degrees, random.nextDouble(0.2, 0.4),
                    random.nextDouble(0.02, 0.05));
        }

        Scene turned(double by) {
            return new Scene(canvas, colour, centreX, centreY, size, by, shadowOpacity, shadowOffset);
        }

        /** The garment's transform: its 28×28 frame scaled to {@code size}, turned and centred on the centre. */
        AffineTransform placement() {
            AffineTransform t = new AffineTransform();
            t.translate(centreX, centreY);
            t.rotate(Math.toRadians(degrees));
            t.scale(size / Image.SIDE, size / Image.SIDE);
            t.translate(-Image.SIDE / 2.0, -Image.SIDE / 2.0);
            return t;
        }
    }

    /** Paints the garment and its shadow. */
    static final class GarmentPainter {
        private GarmentPainter() {
        }

        static void paint(Scene scene, Image image, SplittableRandom random) {
            Graphics2D g = scene.canvas().createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (scene.shadowOpacity() > 0) {
                    AffineTransform shadow = new AffineTransform();
                    shadow.translate(scene.shadowOffset() * scene.size(), 1.3 * scene.shadowOffset() * scene.size());
                    shadow.concatenate(scene.placement());
                    shadow.translate(-Shadow.PAD, -Shadow.PAD);
                    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) scene.shadowOpacity()));
                    g.drawImage(Shadow.of(image), shadow, null);
                    g.setComposite(AlphaComposite.SrcOver);
                }
                g.drawImage(tinted(image, scene.colour(), random), scene.placement(), null);
            } finally {
                g.dispose();
            }
        }

        /** The garment as colour with the image as opacity, with a faint light-to-dark shading across it. */
        private static BufferedImage tinted(Image image, float[] colour, SplittableRandom random) {
            BufferedImage garment = new BufferedImage(Image.SIDE, Image.SIDE, BufferedImage.TYPE_INT_ARGB);
            double shading = random.nextDouble(0, 0.15);
            for (int row = 0; row < Image.SIDE; row++) {
                double shade = 1 + shading * (0.5 - (double) row / Image.SIDE);
                int rgb = Backdrops.rgb(colour[0] * shade, colour[1] * shade, colour[2] * shade);
                for (int col = 0; col < Image.SIDE; col++) {
                    garment.setRGB(col, row, (image.pixel(row, col) << 24) | rgb);
                }
            }
            return garment;
        }
    }

    /** The garment's silhouette, blurred, in black: a soft drop shadow. */
    static final class Shadow {
        static final int PAD = 4;

        private Shadow() {
        }

        static BufferedImage of(Image image) {
            int side = Image.SIDE + 2 * PAD;
            double[] alpha = new double[side * side];
            for (int row = 0; row < Image.SIDE; row++) {
                for (int col = 0; col < Image.SIDE; col++) {
                    alpha[(row + PAD) * side + col + PAD] = image.pixel(row, col);
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                alpha = boxBlur(alpha, side);
            }
            BufferedImage shadow = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
            for (int i = 0; i < alpha.length; i++) {
                shadow.setRGB(i % side, i / side, ((int) Math.round(Math.min(255, alpha[i])) << 24));
            }
            return shadow;
        }

        private static double[] boxBlur(double[] in, int side) {
            double[] out = new double[in.length];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double sum = 0;
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && ny >= 0 && nx < side && ny < side) {
                                sum += in[ny * side + nx];
                            }
                            n++;
                        }
                    }
                    out[y * side + x] = sum / n;
                }
            }
            return out;
        }
    }

    /** Small objects beside the garment on a cluttered table: ellipses and rounded boxes with their own shadows. */
    static final class PropPainter {
        private PropPainter() {
        }

        static void paint(Scene scene, int count, SplittableRandom random) {
            BufferedImage canvas = scene.canvas();
            int w = canvas.getWidth();
            int h = canvas.getHeight();
            double half = 0.5 * scene.size() + 0.06 * h;
            Graphics2D g = canvas.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                for (int placed = 0, tries = 0; placed < count && tries < 40; tries++) {
                    double pw = random.nextDouble(0.08, 0.18) * h;
                    double ph = random.nextDouble(0.08, 0.18) * h;
                    double x = random.nextDouble(0.02 * w, w - pw - 0.02 * w);
                    double y = random.nextDouble(0.04 * h, h - ph - 0.04 * h);
                    boolean clear = x + pw < scene.centreX() - half || x > scene.centreX() + half
                            || y + ph < scene.centreY() - half || y > scene.centreY() + half;
                    if (!clear) {
                        continue;
                    }
                    float[] c = Palette.any(random);
                    g.setColor(new Color(0, 0, 0, (int) random.nextDouble(40, 90)));
                    fill(g, random.nextBoolean(), x + 0.12 * pw, y + 0.15 * ph, pw, ph);
                    g.setColor(new Color(Backdrops.rgb(c[0], c[1], c[2])));
                    fill(g, random.nextBoolean(), x, y, pw, ph);
                    placed++;
                }
            } finally {
                g.dispose();
            }
        }

        private static void fill(Graphics2D g, boolean round, double x, double y, double w, double h) {
            if (round) {
                g.fill(new java.awt.geom.Ellipse2D.Double(x, y, w, h));
            } else {
                g.fill(new java.awt.geom.RoundRectangle2D.Double(x, y, w, h, w / 4, h / 4));
            }
        }
    }
}
