package io.github.fmnist.spark.bench;

import io.github.fmnist.api.Image;
import io.github.fmnist.data.imageio.ImageImporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import io.github.fmnist.spark.ModelSource;
import io.github.fmnist.spark.SparkPhotoClassifier;
import io.github.fmnist.spark.StageTimings;
import io.github.fmnist.spark.TestPictures;
import io.github.fmnist.zoo.FashionZoo;
import io.github.fmnist.zoo.PhotoClassifier;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;

/**
 * Images per second: Spark local[N] against the single-JVM library on the same files, and where the time goes.
 * Not a test; run under the shared lock:
 * {@code flock /work/heavy.lock ./mvnw -q -pl fmnist-spark -am -Pbenchmark verify -DskipTests}
 * ({@code -Dbench.pictures=6000 -Dbench.model=resnet -Dbench.rounds=3 -Dbench.master=local[2] -Dbench.formats=PNG_28,JPEG_224
 * -Dbench.sparkThreads=0 -Dbench.single=true}; sparkThreads 0 means the executor's cores).
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.pictures", 6000);
        String model = System.getProperty("bench.model", "resnet");
        int rounds = Integer.getInteger("bench.rounds", 3);
        String master = System.getProperty("bench.master", "local[2]");
        int sparkThreads = Integer.getInteger("bench.sparkThreads", 0);
        boolean single = Boolean.parseBoolean(System.getProperty("bench.single", "true"));
        List<TestPictures.Format> formats = java.util.Arrays.stream(System.getProperty("bench.formats", "PNG_28,JPEG_224")
                .split(",")).map(String::trim).map(TestPictures.Format::valueOf).toList();
        Path root = Files.createTempDirectory("fmnist-spark-bench-");
        try {
            for (TestPictures.Format format : formats) {
                Path folder = root.resolve(format.name().toLowerCase(Locale.ROOT));
                List<Path> files = TestPictures.write(folder, count, format);
                long bytes = 0;
                for (Path f : files) {
                    bytes += Files.size(f);
                }
                say("%n== %d %s pictures, %.1f MB, model %s, %s ==", count, format, bytes / 1e6, model, master);
                for (int round = 1; single && round <= rounds; round++) {
                    photoClassifier(files, model, round);
                    batchedSingleJvm(files, model, round);
                }
                spark(folder, model, rounds, master, sparkThreads);
            }
        } finally {
            delete(root);
        }
    }

    /** The library's one-liner, file by file: PhotoClassifier.predict(Path), ONNX Runtime's default options. */
    private static void photoClassifier(List<Path> files, String model, int round) throws IOException {
        try (PhotoClassifier photos = PhotoClassifier.pretrained(model)) {
            long start = System.nanoTime();
            for (Path f : files) {
                photos.predict(f);
            }
            double s = (System.nanoTime() - start) / 1e9;
            say("round %d  single JVM, PhotoClassifier.predict(Path), 1 thread: %8.0f img/s", round, files.size() / s);
        }
    }

    /** One thread reading, decoding and importing, ONNX Runtime (2 intra-op threads) on batches of 256, timed apart. */
    private static void batchedSingleJvm(List<Path> files, String model, int round) throws IOException {
        ImageImporter importer = new ImageImporter();
        long read = 0;
        long decode = 0;
        long imp = 0;
        long infer = 0;
        int batch = SparkPhotoClassifier.DEFAULT_BATCH_SIZE;
        try (OnnxClassifier onnx = FashionZoo.open(model, OnnxRuntimeOptions.defaults().withIntraOpThreads(2))) {
            float[] nchw = new float[batch * Image.PIXELS];
            long start = System.nanoTime();
            int inBatch = 0;
            for (int i = 0; i < files.size(); i++) {
                long t0 = System.nanoTime();
                byte[] bytes = Files.readAllBytes(files.get(i));
                long t1 = System.nanoTime();
                BufferedImage picture = ImageIO.read(new ByteArrayInputStream(bytes));
                long t2 = System.nanoTime();
                importer.importImage(picture).writeNormalized(nchw, inBatch++ * Image.PIXELS);
                long t3 = System.nanoTime();
                read += t1 - t0;
                decode += t2 - t1;
                imp += t3 - t2;
                if (inBatch == batch || i == files.size() - 1) {
                    float[] input = inBatch == batch ? nchw : java.util.Arrays.copyOf(nchw, inBatch * Image.PIXELS);
                    onnx.predictNormalized(input);
                    infer += System.nanoTime() - t3;
                    inBatch = 0;
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            say("round %d  single JVM, batches of %d, 2 intra-op threads:  %8.0f img/s; read %.2f s, decode %.2f s,"
                    + " import %.2f s, inference %.2f s", round, batch, files.size() / s, read / 1e9, decode / 1e9,
                    imp / 1e9, infer / 1e9);
        }
    }

    private static void spark(Path folder, String model, int rounds, String master, int threads) throws IOException {
        SparkSession spark = SparkSession.builder().appName("fmnist-spark benchmark").master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.files.openCostInBytes", String.valueOf(64 * 1024))
                .getOrCreate();
        try {
            int partitions = spark.read().format("binaryFile").load(folder.toString()).rdd().getNumPartitions();
            for (int round = 1; round <= rounds; round++) {
                StageTimings timings = StageTimings.register(spark.sparkContext());
                Path out = Files.createTempDirectory("fmnist-spark-bench-out-");
                Files.delete(out);
                long start = System.nanoTime();
                SparkPhotoClassifier.of(ModelSource.zoo(model)).withIntraOpThreads(threads).withTimings(timings)
                        .classifyFiles(spark, folder.toString()).write().parquet(out.toString());
                double s = (System.nanoTime() - start) / 1e9;
                say("round %d  Spark %s, %d partitions, %s intra-op threads, write Parquet: %8.0f img/s (%.2f s wall); %s",
                        round, master, partitions, threads == 0 ? "executor-core" : String.valueOf(threads), timings.classified() / s, s, timings);
                delete(out);
            }
            say("peak resident memory of this JVM so far: %s; heap in use now %.0f MB", peakRss(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
        } finally {
            spark.stop();
        }
    }

    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
