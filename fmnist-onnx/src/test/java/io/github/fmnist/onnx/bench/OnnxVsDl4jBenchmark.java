package io.github.fmnist.onnx.bench;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * DL4J versus ONNX Runtime on the same trained network, in one JVM: throughput at batch 1, 64 and 256,
 * latency percentiles at batch 1, then a soak of ONNX Runtime predictions reporting resident memory.
 * Not a test: run it with {@code ./mvnw -pl fmnist-onnx -Pbenchmark verify -DskipTests} (see the README).
 *
 * <p>System properties: {@code bench.model} (cnn), {@code bench.threads} (native threads for both runtimes,
 * default 2), {@code bench.seconds} (measuring time per cell, default 5), {@code bench.soak} (predictions in
 * the soak, default 1,000,000; 0 skips it), {@code bench.train} (training images, default 2,000),
 * {@code bench.compare} ({@code false} runs only the soak).
 */
public final class OnnxVsDl4jBenchmark {
    private static final int[] BATCHES = {1, 64, 256};

    private OnnxVsDl4jBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String model = System.getProperty("bench.model", "cnn");
        int threads = Integer.getInteger("bench.threads", 2);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
        long soak = Long.getLong("bench.soak", 1_000_000L);
        int trainSize = Integer.getInteger("bench.train", 2_000);
        boolean compare = Boolean.parseBoolean(System.getProperty("bench.compare", "true"));

        FashionMnistData data = FashionMnist.load();
        LabeledDataset train = StratifiedSample.sample(data.train(), trainSize, 123);
        float[] test = data.test().images().slice(0, 1024).toNormalizedNchw();
        ModelProvider provider = PluginRegistry.discover().requireModel(model);
        Hyperparameters h = provider.descriptor().defaults().with("epochs", "1");
        if (h.asText().containsKey("threads")) {
            h = h.with("threads", Integer.toString(threads));
        }
        out("# %s: %d-image training run (1 epoch), %d native threads, %.1f s per cell, %s %s, %d cores, Java %s%n",
                model, trainSize, threads, seconds, System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Path onnxFile = Files.createTempFile("fmnist-bench-" + model, ".onnx");
        try (Classifier dl4j = provider.trainer(h).fit(TrainingRequest.of(train, 123))) {
            OnnxExporter.export(dl4j.unwrap(NetworkExportable.class).orElseThrow().describeNetwork(), onnxFile);
            if (compare) {
                compare(dl4j, onnxFile, test, threads, seconds);
            }
            if (soak > 0) {
                soak(model, onnxFile, test, soak, threads);
            }
        } finally {
            Files.deleteIfExists(onnxFile);
        }
    }

    private static void compare(Classifier dl4j, Path onnxFile, float[] test, int threads, double seconds) throws IOException {
        try (OnnxClassifier ort = OnnxClassifier.open(onnxFile,
                OnnxRuntimeOptions.defaults().withIntraOpThreads(threads))) {
            out("%n| runtime | batch | images/s | p50 ms | p99 ms |%n|---|---:|---:|---:|---:|%n");
            double[] dlRate = new double[BATCHES.length];
            double[] ortRate = new double[BATCHES.length];
            for (int b = 0; b < BATCHES.length; b++) {
                dlRate[b] = row("DL4J", dl4j, test, BATCHES[b], seconds);
                ortRate[b] = row("ONNX Runtime (" + ort.executionProvider() + ")", ort, test, BATCHES[b], seconds);
            }
            out("%nONNX Runtime / DL4J throughput: batch 1 %.2fx, batch 64 %.2fx, batch 256 %.2fx%n",
                    ortRate[0] / dlRate[0], ortRate[1] / dlRate[1], ortRate[2] / dlRate[2]);
        }
        if (threads != 1) {
            try (OnnxClassifier single = OnnxClassifier.open(onnxFile, OnnxRuntimeOptions.defaults().withIntraOpThreads(1))) {
                out("%n| runtime | batch | images/s | p50 ms | p99 ms |%n|---|---:|---:|---:|---:|%n");
                for (int batch : BATCHES) {
                    row("ONNX Runtime (" + single.executionProvider() + ", 1 intra-op thread)", single, test, batch, seconds);
                }
            }
        }
    }

    /** Measures one runtime at one batch size and prints a table row; returns images per second. */
    private static double row(String name, Classifier c, float[] images, int batch, double seconds) {
        int available = images.length / Image.PIXELS;
        float[][] inputs = new float[available / batch][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Arrays.copyOfRange(images, i * batch * Image.PIXELS, (i + 1) * batch * Image.PIXELS);
        }
        long warmupEnd = System.nanoTime() + (long) (Math.min(2, seconds) * 1e9);
        for (int i = 0; System.nanoTime() < warmupEnd; i++) {
            c.predictNormalized(inputs[i % inputs.length]);
        }
        long[] latencies = new long[1 << 20];
        int calls = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end && calls < latencies.length) {
            c.predictNormalized(inputs[calls % inputs.length]);
            long after = System.nanoTime();
            latencies[calls++] = after - now;
            now = after;
        }
        double rate = (double) calls * batch / ((now - start) / 1e9);
        long[] sorted = Arrays.copyOf(latencies, calls);
        Arrays.sort(sorted);
        out("| %s | %d | %,.0f | %.3f | %.3f |%n", name, batch, rate, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
        return rate;
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** Runs {@code predictions} single-image calls on a fresh ONNX Runtime session of the exported network. */
    private static void soak(String model, Path onnxFile, float[] test, long predictions, int threads) throws IOException {
        try (OnnxClassifier ort = OnnxClassifier.open(onnxFile, OnnxRuntimeOptions.defaults().withIntraOpThreads(threads))) {
            int images = test.length / Image.PIXELS;
            float[][] singles = new float[images][];
            for (int i = 0; i < images; i++) {
                singles[i] = Arrays.copyOfRange(test, i * Image.PIXELS, (i + 1) * Image.PIXELS);
            }
            for (int i = 0; i < 20_000; i++) {
                ort.predictNormalized(singles[i % images]);
            }
            out("%n## Soak: %,d single-image ONNX Runtime predictions (%s)%n%n"
                    + "| predictions | VmRSS MiB | Java heap committed MiB | RSS − heap MiB |%n|---:|---:|---:|---:|%n",
                    predictions, model);
            long step = predictions / 4;
            memoryRow("0 (after 20,000 warm-up)");
            long t0 = System.nanoTime();
            for (long i = 1; i <= predictions; i++) {
                ort.predictNormalized(singles[(int) (i % images)]);
                if (i % step == 0) {
                    memoryRow(String.format(Locale.ROOT, "%,d", i));
                }
            }
            out("%nSoak rate: %,.0f predictions/s%n", predictions / ((System.nanoTime() - t0) / 1e9));
        }
    }

    /** RSS next to the committed Java heap, so native growth can be told from heap growth. */
    private static void memoryRow(String label) throws IOException {
        System.gc();
        double rss = rssMiB();
        double heap = Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0);
        out("| %s | %.1f | %.1f | %.1f |%n", label, rss, heap, rss - heap);
    }

    /** Resident set size from /proc/self/status (Linux), in MiB; NaN elsewhere. */
    static double rssMiB() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
