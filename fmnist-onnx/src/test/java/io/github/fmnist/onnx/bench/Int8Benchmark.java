package io.github.fmnist.onnx.bench;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.onnx.export.CalibrationMethod;
import io.github.fmnist.onnx.export.ExportOptions;
import io.github.fmnist.onnx.export.Int8Calibration;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Float ONNX (as exported before BatchNorm folding, and folded) against int8 ONNX and DL4J, for each trained
 * bundle given, in one JVM: accuracy and top-1 agreement with float on all 10,000 test images, then throughput
 * at batch 1 and 256. Not a test: {@code ./mvnw -pl fmnist-onnx -Pint8-benchmark verify -DskipTests
 * -Dbench.bundles=cnn.fmnist,resnet.fmnist} (see the README).
 *
 * <p>System properties: {@code bench.bundles} (comma-separated bundle files, required), {@code bench.threads}
 * (intra-op and DL4J threads, default 2), {@code bench.seconds} (per cell, default 5), {@code bench.calibration}
 * (calibration images, default 1,000), {@code bench.seed} (their stratified sample's seed, default 42),
 * {@code bench.dl4j} ({@code false} skips DL4J's throughput).
 */
public final class Int8Benchmark {
    private static final int[] BATCHES = {1, 256};

    private Int8Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] bundles = System.getProperty("bench.bundles", "").split(",");
        int threads = Integer.getInteger("bench.threads", 2);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
        int calibrationSize = Integer.getInteger("bench.calibration", 1_000);
        long seed = Long.getLong("bench.seed", 42L);
        boolean dl4j = Boolean.parseBoolean(System.getProperty("bench.dl4j", "true"));
        FashionMnistData data = FashionMnist.load();
        LabeledDataset calibration = StratifiedSample.sample(data.train(), calibrationSize, seed);
        LabeledDataset test = data.test();
        float[] testPixels = test.images().toNormalizedNchw();
        out("# int8 benchmark: %d threads, %.1f s per cell, calibration %d train images (stratified, seed %d), "
                + "%d cores, Java %s, load %s%n", threads, seconds, calibrationSize, seed,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        List<String> rows = new ArrayList<>();
        for (String bundle : bundles) {
            if (!bundle.isBlank()) {
                rows.addAll(bench(Path.of(bundle.trim()), calibration, test, testPixels, threads, seconds, seed, dl4j));
            }
        }
        out("%n| model | runtime | test accuracy | top-1 = float | img/s batch 1 | img/s batch 256 |%n"
                + "|---|---|---:|---:|---:|---:|%n");
        rows.forEach(r -> out("%s%n", r));
        out("%nload average at the end: %s%n", loadAverage());
    }

    private static List<String> bench(Path bundle, LabeledDataset calibration, LabeledDataset test, float[] testPixels,
                                      int threads, double seconds, long seed, boolean dl4j) throws Exception {
        String model = bundle.getFileName().toString().replaceFirst("\\.fmnist$", "");
        Map<String, byte[]> variants = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        try (Classifier original = PluginRegistry.discover().loadClassifier(bundle)) {
            NetworkDescription network = original.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            variants.put("ONNX float, BatchNorm unfolded", OnnxExporter.toBytes(network, Map.of(),
                    ExportOptions.float32().withBatchNormFolding(false)));
            variants.put("ONNX float, BatchNorm folded", OnnxExporter.toBytes(network, Map.of(), ExportOptions.float32()));
            for (CalibrationMethod method : CalibrationMethod.values()) {
                long t0 = System.nanoTime();
                variants.put("ONNX int8 (" + method.label() + ")", OnnxExporter.toBytes(network, Map.of(),
                        ExportOptions.int8(new Int8Calibration(calibration.images(), method, seed))));
                out("%s: int8 export (%s) took %.1f s%n", model, method.label(), (System.nanoTime() - t0) / 1e9);
            }
            int[] dlTop = top1(original, testPixels);
            double[] dlRates = dl4j ? rates(original, testPixels, seconds) : new double[] {Double.NaN, Double.NaN};
            rows.add(row(model, "DL4J", accuracy(dlTop, test), Double.NaN, dlRates));
            int[] floatTop = null;
            for (Map.Entry<String, byte[]> v : variants.entrySet()) {
                try (OnnxClassifier ort = OnnxClassifier.open(v.getValue(), model,
                        OnnxRuntimeOptions.defaults().withIntraOpThreads(threads))) {
                    int[] top = top1(ort, testPixels);
                    if (floatTop == null) {
                        floatTop = top;
                    }
                    rows.add(row(model, v.getKey() + String.format(Locale.ROOT, " %.2f MB", v.getValue().length / 1e6),
                            accuracy(top, test), agreement(top, floatTop), rates(ort, testPixels, seconds)));
                }
            }
        }
        return rows;
    }

    private static String row(String model, String runtime, double accuracy, double agreement, double[] rates) {
        String row = String.format(Locale.ROOT, "| %s | %s | %.4f | %s | %,.0f | %,.0f |", model, runtime, accuracy,
                Double.isNaN(agreement) ? "" : String.format(Locale.ROOT, "%.2f %%", 100 * agreement), rates[0], rates[1]);
        out("%s%n", row);
        return row;
    }

    private static int[] top1(Classifier c, float[] pixels) {
        int n = pixels.length / Image.PIXELS;
        int[] top = new int[n];
        for (int from = 0; from < n; from += 1000) {
            int to = Math.min(n, from + 1000);
            float[][] p = c.predictNormalized(Arrays.copyOfRange(pixels, from * Image.PIXELS, to * Image.PIXELS));
            for (int i = 0; i < p.length; i++) {
                top[from + i] = Prediction.argmax(p[i]);
            }
        }
        return top;
    }

    private static double accuracy(int[] top, LabeledDataset test) {
        int correct = 0;
        for (int i = 0; i < top.length; i++) {
            correct += top[i] == test.label(i) ? 1 : 0;
        }
        return (double) correct / top.length;
    }

    private static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }

    /** Images per second at each of {@link #BATCHES}, after a warm-up of up to 2 s. */
    private static double[] rates(Classifier c, float[] pixels, double seconds) {
        double[] rates = new double[BATCHES.length];
        for (int b = 0; b < BATCHES.length; b++) {
            int batch = BATCHES[b];
            float[][] inputs = new float[Math.min(40, 10_000 / batch)][];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = Arrays.copyOfRange(pixels, i * batch * Image.PIXELS, (i + 1) * batch * Image.PIXELS);
            }
            long warmupEnd = System.nanoTime() + (long) (Math.min(2, seconds) * 1e9);
            for (int i = 0; System.nanoTime() < warmupEnd; i++) {
                c.predictNormalized(inputs[i % inputs.length]);
            }
            long calls = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long now = start;
            while (now < end) {
                c.predictNormalized(inputs[(int) (calls++ % inputs.length)]);
                now = System.nanoTime();
            }
            rates[b] = (double) calls * batch / ((now - start) / 1e9);
        }
        return rates;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
