package io.github.fmnist.data.imageio;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Import timing (not a test): a 640×480 and a 4000×3000 JPEG shop photo (gradient backdrop, table edge, shadowed
 * garment, a prop) imported from file again and again, decode included; prints median and 90th percentile.
 *
 * <pre>
 * flock /work/heavy.lock ./mvnw -q -pl fmnist-data -Pbenchmark verify -DskipTests -Dfmnist.benchmark.skipLoad=true
 * </pre>
 * Arguments: rounds per size (default 200).
 */
public final class ImportBenchmark {
    /** Goals of issue 14, in milliseconds per picture, decode included. */
    private static final double SMALL_GOAL = 10;
    private static final double LARGE_GOAL = 100;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("fmnist-import-benchmark-");
        try {
            Path small = dir.resolve("photo-640x480.jpg");
            Path large = dir.resolve("photo-4000x3000.jpg");
            writeJpeg(scene(640, 480), small);
            writeJpeg(scene(4000, 3000), large);
            ImageImporter importer = new ImageImporter();
            report("640×480 JPEG", time(importer, small, rounds), SMALL_GOAL, Files.size(small));
            report("4000×3000 JPEG", time(importer, large, Math.max(10, rounds / 5)), LARGE_GOAL, Files.size(large));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** Wall and CPU milliseconds per import, each sorted. */
    private record Timings(double[] wall, double[] cpu) {
    }

    private static Timings time(ImageImporter importer, Path file, int rounds) {
        for (int i = 0; i < Math.max(20, rounds / 4); i++) {
            importer.importImage(file);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            importer.importImage(file);
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
            wall[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Timings(wall, cpu);
    }

    private static void report(String what, Timings t, double goal, long bytes) {
        double median = t.wall()[t.wall().length / 2];
        // CPU time is what the import itself costs; wall time also counts waiting for a core on a busy machine
        System.out.printf(Locale.ROOT, "ImportBenchmark %s (%d KB): wall median %.2f ms (90th percentile %.2f ms), "
                + "CPU median %.2f ms, over %d imports (goal <= %.0f ms: %s)%n", what, bytes / 1024, median,
                t.wall()[(int) (t.wall().length * 0.9)], t.cpu()[t.cpu().length / 2], t.wall().length, goal,
                median <= goal ? "met" : "missed");
    }

    static BufferedImage scene(int width, int height) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(232, 228, 220), width, height, new Color(200, 205, 215)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(180, 145, 105));
            g.fillRect(0, (int) (0.7 * height), width, height);
            double s = 0.5 * height;
            double x = 0.5 * width - 0.35 * s;
            double y = 0.25 * height;
            g.setColor(new Color(0, 0, 0, 70));
            g.fill(new RoundRectangle2D.Double(x + 0.04 * s, y + 0.05 * s, 0.7 * s, s, 0.2 * s, 0.2 * s));
            g.setColor(new Color(150, 30, 40));
            g.fill(new RoundRectangle2D.Double(x, y, 0.7 * s, s, 0.2 * s, 0.2 * s));
            g.setColor(new Color(40, 90, 160));
            g.fill(new Ellipse2D.Double(0.08 * width, 0.75 * height, 0.12 * height, 0.1 * height));
        } finally {
            g.dispose();
        }
        return picture;
    }

    private static void writeJpeg(BufferedImage picture, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
