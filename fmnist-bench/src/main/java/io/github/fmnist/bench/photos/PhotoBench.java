package io.github.fmnist.bench.photos;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.data.imageio.ImageImporter;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The photo benchmark: stages test images as shop photos in each {@link PhotoStyle}, imports every photo with the
 * {@link ImageImporter} and classifies it, next to the same images' own (clean 28×28) accuracy.
 */
public final class PhotoBench {
    private final Classifier classifier;
    private final ImageImporter importer;
    private final ShopPhotoRenderer renderer = new ShopPhotoRenderer();
    private final int threads;

    /** Accuracy of one style on the sample; {@code noItem} photos where the importer found nothing count as wrong. */
    public record StyleResult(PhotoStyle style, int images, int correct, int cleanCorrect, int noItem, double importMillis) {
        public double accuracy() {
            return (double) correct / images;
        }

        public double cleanAccuracy() {
            return (double) cleanCorrect / images;
        }

        /** Photo accuracy as a share of the clean accuracy of the same images. */
        public double shareOfClean() {
            return cleanCorrect == 0 ? 0 : (double) correct / cleanCorrect;
        }
    }

    /** The whole run. */
    public record Result(int images, long seed, int cleanCorrect, List<StyleResult> styles) {
    }

    public PhotoBench(Classifier classifier, ImageImporter importer, int threads) {
        this.classifier = classifier;
        this.importer = importer;
        this.threads = threads;
    }

    /**
     * Runs every style on {@code sample}.
     *
     * @param photos where to write the staged photos (one folder per style), if anywhere
     */
    public Result run(LabeledDataset sample, List<PhotoStyle> styles, long seed, Optional<Path> photos) {
        int n = sample.size();
        boolean[] cleanRight = new boolean[n];
        for (int i = 0; i < n; i++) {
            cleanRight[i] = classifier.classify(sample.images().get(i)).label() == sample.label(i);
        }
        int clean = count(cleanRight);
        List<StyleResult> results = new ArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (PhotoStyle style : styles) {
                results.add(pool.submit(() -> runStyle(sample, style, seed, cleanRight, photos)).join());
            }
        } finally {
            pool.shutdown();
        }
        return new Result(n, seed, clean, List.copyOf(results));
    }

    private StyleResult runStyle(LabeledDataset sample, PhotoStyle style, long seed, boolean[] cleanRight,
            Optional<Path> photos) {
        int n = sample.size();
        int[] outcome = new int[n]; // 1 right, 0 wrong, -1 no item
        long[] nanos = new long[n];
        Optional<Path> folder = photos.map(p -> p.resolve(style.id()));
        folder.ifPresent(PhotoBench::createDirectories);
        IntStream.range(0, n).parallel().forEach(i -> {
            Image original = sample.images().get(i);
            ShopPhotoRenderer.Rendition photo = renderer.render(original, style, renditionSeed(seed, style, i));
            folder.ifPresent(f -> save(photo, f.resolve(String.format("%05d-%d.%s", i, sample.label(i), photo.format()))));
            long start = System.nanoTime();
            try {
                Image imported = importer.importImage(photo.picture());
                nanos[i] = System.nanoTime() - start;
                outcome[i] = classifier.classify(imported).label() == sample.label(i) ? 1 : 0;
            } catch (FmnistException e) {
                nanos[i] = System.nanoTime() - start;
                outcome[i] = -1;
            }
        });
        int correct = 0;
        int noItem = 0;
        int cleanCorrect = 0;
        double totalMillis = 0;
        for (int i = 0; i < n; i++) {
            correct += outcome[i] == 1 ? 1 : 0;
            noItem += outcome[i] == -1 ? 1 : 0;
            cleanCorrect += cleanRight[i] ? 1 : 0;
            totalMillis += nanos[i] / 1e6;
        }
        return new StyleResult(style, n, correct, cleanCorrect, noItem, totalMillis / n);
    }

    /** The seed of one rendition: a mix of the run seed, the style and the image's place in the sample. */
    static long renditionSeed(long seed, PhotoStyle style, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + style.ordinal() * 1_000_003L + index).nextLong();
    }

    private static int count(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return n;
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    private static void save(ShopPhotoRenderer.Rendition photo, Path file) {
        try {
            byte[] bytes = photo.file();
            if (bytes == null) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(photo.picture(), "png", png);
                bytes = png.toByteArray();
            }
            AtomicFile.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
