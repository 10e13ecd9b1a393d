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
 * Float ONNX (BatchNorm folded, the default export) against int8 ONNX and DL4J, for each trained bundle given, in
 * one JVM: accuracy and top-1 agreement with float ONNX on all 10,000 test images, then throughput at batch 1, 64
 * and 256, measured in interleaved rounds. Not a test: {@code ./mvnw -pl fmnist-onnx -Pint8-benchmark verify -DskipTests
 * -Dbench.bundles=cnn.fmnist,resnet.fmnist} (see the README).
 *
 * <p>System properties: {@code bench.bundles} (comma-separated bundle files, required), {@code bench.threads}
 * (intra-op and DL4J threads, default 2), {@code bench.seconds} (per cell and round, default 1),
 * {@code bench.rounds} (default 5), {@code bench.calibration}
 * (calibration images, default 1,000), {@code bench.seed} (their stratified sample's seed, default 42),
 * {@code bench.methods} (comma-separated calibration methods, default the library's, {@code percentile-99.99}), {@code bench.unfolded}
 * ({@code true} adds the float export without BatchNorm folding), {@code bench.splitRuns} (if positive, every ONNX
 * variant again with each call cut into runs of at most that many images), {@code bench.dl4j} ({@code false} skips DL4J's
 * throughput).
 */
public final class Int8Benchmark {
    private static final int[] BATCHES = {1, 64, 256};

    private Int8Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] bundles = System.getProperty("bench.bundles", "").split(",");
        int threads = Integer.getInteger("bench.threads", 2);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
        int rounds = Integer.getInteger("bench.rounds", 5);
        int calibrationSize = Integer.getInteger("bench.calibration", 1_000);
        long seed = Long.getLong("bench.seed", 42L);
        boolean dl4j = Boolean.parseBoolean(System.getProperty("bench.dl4j", "true"));
        int splitRuns = Integer.getInteger("bench.splitRuns", 0);
        List<CalibrationMethod> methods = Arrays.stream(System.getProperty("bench.methods", CalibrationMethod.defaultMethod().label()).split(","))
                .map(String::trim).map(CalibrationMethod::parse).toList();
        FashionMnistData data = FashionMnist.load();
        LabeledDataset calibration = StratifiedSample.sample(data.train(), calibrationSize, seed);
        LabeledDataset test = data.test();
        float[] testPixels = test.images().toNormalizedNchw();
        out("# int8 benchmark: %d threads, median of %d interleaved rounds of %.1f s per cell, calibration %d train images (stratified, seed %d), "
                + "%d cores, Java %s, load %s%n", threads, rounds, seconds, calibrationSize, seed,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        List<String> rows = new ArrayList<>();
        for (String bundle : bundles) {
            if (!bundle.isBlank()) {
                rows.addAll(bench(Path.of(bundle.trim()), calibration, test, testPixels, threads, seconds, rounds, seed, dl4j, methods, splitRuns));
            }
        }
        out("%n| model | runtime | test accuracy | top-1 = float | img/s batch 1 | img/s batch 64 | img/s batch 256 |%n"
                + "|---|---|---:|---:|---:|---:|---:|%n");
        rows.forEach(r -> out("%s%n", r));
        out("%nload average at the end: %s%n", loadAverage());
    }

    private static List<String> bench(Path bundle, LabeledDataset calibration, LabeledDataset test, float[] testPixels,
                                      int threads, double seconds, int rounds, long seed, boolean dl4j,
                                      List<CalibrationMethod> methods, int splitRuns) throws Exception {
        String model = bundle.getFileName().toString().replaceFirst("\\.fmnist$", "");
        Map<String, byte[]> variants = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        try (Classifier original = PluginRegistry.discover().loadClassifier(bundle)) {
            NetworkDescription network = original.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            if (Boolean.getBoolean("bench.unfolded")) {
                variants.put("ONNX float, BatchNorm unfolded", OnnxExporter.toBytes(network, Map.of(),
                        ExportOptions.float32().withBatchNormFolding(false)));
            }
            variants.put("ONNX float", OnnxExporter.toBytes(network, Map.of(), ExportOptions.float32()));
            for (CalibrationMethod method : methods) {
                long t0 = System.nanoTime();
                variants.put("ONNX int8 (" + method.label() + ")", OnnxExporter.toBytes(network, Map.of(),
                        ExportOptions.int8(new Int8Calibration(calibration.images(), method, seed))));
                out("%s: int8 export (%s) took %.1f s%n", model, method.label(), (System.nanoTime() - t0) / 1e9);
            }
            List<String> names = new ArrayList<>(List.of("DL4J"));
            List<Classifier> runtimes = new ArrayList<>(List.of(original));
            List<OnnxClassifier> opened = new ArrayList<>();
            try {
                for (Map.Entry<String, byte[]> v : variants.entrySet()) {
                    OnnxClassifier ort = OnnxClassifier.open(v.getValue(), model, OnnxRuntimeOptions.defaults().withIntraOpThreads(threads));
                    opened.add(ort);
                    names.add(v.getKey() + String.format(Locale.ROOT, ", %.2f MB", v.getValue().length / 1e6));
                    runtimes.add(ort);
                }
                int variantCount = runtimes.size();
                for (int i = 1; i < variantCount && splitRuns > 0; i++) { // the same sessions, each call cut into runs
                    names.add(names.get(i).replaceFirst(", [0-9.]+ MB$", "") + ", calls cut into runs of " + splitRuns);
                    runtimes.add(new RunSplitting(runtimes.get(i), splitRuns));
                }
                int floatIndex = names.indexOf(names.stream().filter(n -> n.startsWith("ONNX float, ") && !n.contains("unfolded")).findFirst().orElseThrow());
                int[][] tops = new int[runtimes.size()][];
                for (int i = 0; i < runtimes.size(); i++) {
                    tops[i] = top1(runtimes.get(i), testPixels);
                }
                double[][] rates = interleavedRates(runtimes, testPixels, seconds, rounds, dl4j);
                for (int i = 0; i < runtimes.size(); i++) {
                    rows.add(row(model, names.get(i), accuracy(tops[i], test), i == 0 ? Double.NaN : agreement(tops[i], tops[floatIndex]),
                            rates[i]));
                }
            } finally {
                opened.forEach(OnnxClassifier::close);
            }
        }
        return rows;
    }

    private static String row(String model, String runtime, double accuracy, double agreement, double[] rates) {
        String row = String.format(Locale.ROOT, "| %s | %s | %.4f | %s | %,.0f | %,.0f | %,.0f |", model, runtime, accuracy,
                Double.isNaN(agreement) ? "" : String.format(Locale.ROOT, "%.2f %%", 100 * agreement), rates[0], rates[1], rates[2]);
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

    /**
     * Images per second of each runtime at each of {@link #BATCHES}: {@code rounds} rounds, each measuring every
     * runtime for {@code seconds} in turn, and the median round per runtime, so that load from elsewhere on the
     * machine falls on all runtimes alike. Index 0 (DL4J) is skipped (NaN) unless {@code withFirst}.
     */
    private static double[][] interleavedRates(List<Classifier> runtimes, float[] pixels, double seconds, int rounds,
                                               boolean withFirst) {
        double[][] rates = new double[runtimes.size()][BATCHES.length];
        for (int b = 0; b < BATCHES.length; b++) {
            float[][] inputs = batches(pixels, BATCHES[b]);
            double[][] samples = new double[runtimes.size()][rounds];
            for (int i = 0; i < runtimes.size(); i++) {
                measure(runtimes.get(i), inputs, BATCHES[b], Math.min(2, seconds)); // warm-up
            }
            for (int r = 0; r < rounds; r++) {
                for (int i = withFirst ? 0 : 1; i < runtimes.size(); i++) {
                    samples[i][r] = measure(runtimes.get(i), inputs, BATCHES[b], seconds);
                }
            }
            for (int i = 0; i < runtimes.size(); i++) {
                double[] sorted = samples[i].clone();
                Arrays.sort(sorted);
                rates[i][b] = i == 0 && !withFirst ? Double.NaN : sorted[rounds / 2];
            }
        }
        return rates;
    }

    private static float[][] batches(float[] pixels, int batch) {
        float[][] inputs = new float[Math.min(40, 10_000 / batch)][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = Arrays.copyOfRange(pixels, i * batch * Image.PIXELS, (i + 1) * batch * Image.PIXELS);
        }
        return inputs;
    }

    private static double measure(Classifier c, float[][] inputs, int batch, double seconds) {
        long calls = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end) {
            c.predictNormalized(inputs[(int) (calls++ % inputs.length)]);
            now = System.nanoTime();
        }
        return (double) calls * batch / ((now - start) / 1e9);
    }

    /** A classifier's {@code predictNormalized} with every call cut into runs of at most {@code run} images. */
    private record RunSplitting(Classifier inner, int run) implements Classifier {
        @Override
        public float[][] predictNormalized(float[] nchw) {
            int n = nchw.length / Image.PIXELS;
            float[][] out = new float[n][];
            for (int from = 0; from < n; from += run) {
                int to = Math.min(n, from + run);
                float[][] part = inner.predictNormalized(Arrays.copyOfRange(nchw, from * Image.PIXELS, to * Image.PIXELS));
                System.arraycopy(part, 0, out, from, part.length);
            }
            return out;
        }

        @Override
        public io.github.fmnist.api.model.ModelInfo info() {
            return inner.info();
        }

        @Override
        public void writePayload(io.github.fmnist.api.bundle.PayloadSink sink) throws java.io.IOException {
            inner.writePayload(sink);
        }

        @Override
        public void close() {
            // the wrapped classifier is closed by its owner
        }
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
