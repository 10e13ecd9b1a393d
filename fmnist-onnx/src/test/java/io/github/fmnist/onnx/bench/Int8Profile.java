package io.github.fmnist.onnx.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.onnx.export.CalibrationMethod;
import io.github.fmnist.onnx.export.ExportOptions;
import io.github.fmnist.onnx.export.Int8Calibration;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.onnx.proto.OnnxIr.NodeProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time of a float and an int8 export goes in ONNX Runtime: the node list of the optimised graph
 * ({@code setOptimizedModelFilePath}) and ONNX Runtime's own profiler ({@code enableProfiling}), summed per node
 * over {@code bench.runs} runs of {@code bench.batch} test images. Not a test:
 * {@code java -cp <test class path> io.github.fmnist.onnx.bench.Int8Profile cnn.fmnist} (see the README).
 */
public final class Int8Profile {

    private Int8Profile() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int batch = Integer.getInteger("bench.batch", 256);
        int runs = Integer.getInteger("bench.runs", 100);
        Path outDir = Path.of(System.getProperty("bench.out", "target/int8-profile"));
        Files.createDirectories(outDir);
        FashionMnistData data = FashionMnist.load();
        LabeledDataset calibration = StratifiedSample.sample(data.train(), Integer.getInteger("bench.calibration", 1_000),
                Long.getLong("bench.seed", 42L));
        CalibrationMethod method = CalibrationMethod.parse(System.getProperty("bench.method", CalibrationMethod.defaultMethod().label()));
        float[] pixels = Arrays.copyOf(data.test().images().toNormalizedNchw(), batch * Image.PIXELS);
        for (String bundle : args) {
            Path path = Path.of(bundle);
            String model = path.getFileName().toString().replaceFirst("\\.fmnist$", "");
            NetworkDescription network;
            try (Classifier c = PluginRegistry.discover().loadClassifier(path)) {
                network = c.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            }
            Map<String, byte[]> variants = Map.of(
                    "float", OnnxExporter.toBytes(network, Map.of(), ExportOptions.float32()),
                    "int8", OnnxExporter.toBytes(network, Map.of(), ExportOptions.int8(
                            new Int8Calibration(calibration.images(), method, 42))));
            LabeledDataset test = data.test();
            float[] all = test.images().toNormalizedNchw();
            int[] floatTop = top1(variants.get("float"), all);
            int[] int8Top = top1(variants.get("int8"), all);
            int agree = 0;
            int floatRight = 0;
            int int8Right = 0;
            for (int i = 0; i < floatTop.length; i++) {
                agree += floatTop[i] == int8Top[i] ? 1 : 0;
                floatRight += floatTop[i] == test.label(i) ? 1 : 0;
                int8Right += int8Top[i] == test.label(i) ? 1 : 0;
            }
            out("%s (%s, %d calibration images): accuracy float %.4f, int8 %.4f, top-1 agreement %.2f %% (%d differ)%n", model,
                    method.label(), calibration.size(), floatRight / 1e4,
                    int8Right / 1e4, agree / 100.0, floatTop.length - agree);
            if (Boolean.getBoolean("bench.accuracyOnly")) {
                continue;
            }
            for (String v : new TreeMap<>(variants).keySet()) {
                profile(model + "-" + v, variants.get(v), pixels, batch, runs, threads, outDir);
            }
        }
    }

    private static void profile(String name, byte[] model, float[] pixels, int batch, int runs, int threads, Path outDir)
            throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Path optimised = outDir.resolve(name + ".optimised.onnx");
        Files.write(outDir.resolve(name + ".onnx"), model);
        Path profile;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(threads);
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            so.setOptimizedModelFilePath(optimised.toString());
            so.enableProfiling(outDir.resolve(name).toString());
            try (OrtSession session = env.createSession(model, so)) {
                FloatBuffer buffer = ByteBuffer.allocateDirect(pixels.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
                buffer.put(pixels).flip();
                long t0 = System.nanoTime();
                for (int r = 0; r < runs; r++) {
                    try (OnnxTensor x = OnnxTensor.createTensor(env, buffer, new long[] {batch, 1, Image.SIDE, Image.SIDE});
                         OrtSession.Result ignored = session.run(Map.of("image", x))) {
                        buffer.rewind();
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                out("%n== %s: %d runs of %d images, %.0f img/s (profiling on)%n", name, runs, batch, runs * batch / seconds);
                profile = Path.of(session.endProfiling());
            }
        }
        out("without profiling: %.0f img/s at batch %d, %.0f img/s at batch 1%n", plainRate(model, pixels, batch, threads),
                batch, plainRate(model, pixels, 1, threads));
        ModelProto opt = ModelProto.parseFrom(Files.readAllBytes(optimised));
        StringBuilder ops = new StringBuilder();
        for (NodeProto n : opt.getGraph().getNodeList()) {
            ops.append(n.getOpType()).append('(').append(n.getName()).append(") ");
        }
        out("optimised graph (%d nodes): %s%n", opt.getGraph().getNodeCount(), ops);
        Map<String, long[]> perNode = new TreeMap<>();
        String json = Files.readString(profile);
        for (String event : json.split("\n")) {
            if (!event.contains("\"cat\" : \"Node\"") && !event.contains("\"cat\":\"Node\"")) {
                continue;
            }
            String nodeName = field(event, "name");
            String op = field(event, "op_name");
            long dur = Long.parseLong(numberField(event, "dur"));
            if (nodeName.endsWith("_kernel_time")) {
                perNode.computeIfAbsent(op + " " + nodeName.replace("_kernel_time", ""), k -> new long[1])[0] += dur;
            }
        }
        long total = perNode.values().stream().mapToLong(a -> a[0]).sum();
        perNode.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e ->
                out("  %6.1f %%  %8.1f us/run  %s%n", 100.0 * e.getValue()[0] / total, (double) e.getValue()[0] / runs, e.getKey()));
        out("  kernel total %.1f us/run%n", (double) total / runs);
    }

    private static int[] top1(byte[] model, float[] pixels) throws Exception {
        try (io.github.fmnist.onnx.runtime.OnnxClassifier c = io.github.fmnist.onnx.runtime.OnnxClassifier.open(model, "probe",
                io.github.fmnist.onnx.runtime.OnnxRuntimeOptions.defaults().withIntraOpThreads(2))) {
            float[][] p = c.predictNormalized(pixels);
            int[] top = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                top[i] = io.github.fmnist.api.model.Prediction.argmax(p[i]);
            }
            return top;
        }
    }

    /** Images per second over 2 s after 0.5 s of warm-up, in a session without profiling. */
    private static double plainRate(byte[] model, float[] pixels, int batch, int threads) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(threads);
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            try (OrtSession session = env.createSession(model, so)) {
                FloatBuffer buffer = ByteBuffer.allocateDirect(batch * Image.PIXELS * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
                buffer.put(pixels, 0, batch * Image.PIXELS).flip();
                double rate = 0;
                for (double seconds : new double[] {0.5, 2}) {
                    long calls = 0;
                    long start = System.nanoTime();
                    long end = start + (long) (seconds * 1e9);
                    long now = start;
                    while (now < end) {
                        try (OnnxTensor x = OnnxTensor.createTensor(env, buffer, new long[] {batch, 1, Image.SIDE, Image.SIDE});
                             OrtSession.Result ignored = session.run(Map.of("image", x))) {
                            buffer.rewind();
                        }
                        calls++;
                        now = System.nanoTime();
                    }
                    rate = calls * batch / ((now - start) / 1e9);
                }
                return rate;
            }
        }
    }

    private static String field(String event, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(event);
        return m.find() ? m.group(1) : "?";
    }

    private static String numberField(String event, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(event);
        return m.find() ? m.group(1) : "0";
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
