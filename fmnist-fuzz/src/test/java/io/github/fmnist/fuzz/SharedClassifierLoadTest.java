package io.github.fmnist.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.classic.MlpProvider;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import io.github.fmnist.dl.CnnProvider;
import io.github.fmnist.onnx.export.OnnxExporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Under load: {@code load.threads} threads (16) predicting for {@code load.seconds} (60) through one shared
 * classifier give exactly (bit for bit) what one thread gives, and the used heap and the RSS stay flat. One
 * classifier of each kind: a DL4J cnn, a Smile MLP, and the cnn exported to ONNX Runtime, trained in-process
 * on a 3,000-image stratified subset of the real training set. Not part of the default build:
 * {@code ./mvnw -pl fmnist-fuzz -am -Pload test -Dtest=SharedClassifierLoadTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SharedClassifierLoadTest {
    private static final int IMAGES = 512;
    private static final int BATCH = 16;
    private static final int THREADS = Integer.getInteger("load.threads", 16);
    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    private static ImageBatch probe;
    private static Classifier cnn;
    private static Classifier mlp;

    @BeforeAll
    static void train() {
        FashionMnistData data = FashionMnist.load();
        LabeledDataset train = StratifiedSample.sample(data.train(), 3000, 5L);
        probe = data.test().images().slice(0, IMAGES);
        CnnProvider cnnProvider = new CnnProvider();
        cnn = Seeds.train(cnnProvider, cnnProvider.descriptor().defaults().with(CnnProvider.EPOCHS, 1)
                .with(CnnProvider.THREADS, 1), train);
        MlpProvider mlpProvider = new MlpProvider();
        mlp = Seeds.train(mlpProvider, mlpProvider.descriptor().defaults().with(MlpProvider.HIDDEN_UNITS, 64)
                .with(MlpProvider.EPOCHS, 2), train);
    }

    @AfterAll
    static void close() {
        cnn.close();
        mlp.close();
    }

    @Test
    void dl4jCnn() throws Exception {
        runLoad("cnn (DL4J)", () -> cnn);
    }

    @Test
    void smileMlp() throws Exception {
        runLoad("mlp (Smile)", () -> mlp);
    }

    @Test
    void onnxRuntimeCnn() throws Exception {
        byte[] model = OnnxExporter.toBytes(cnn.unwrap(NetworkExportable.class).orElseThrow().describeNetwork(), Map.of());
        try (OnnxClassifier onnx = OnnxClassifier.open(model, "cnn.onnx",
                OnnxRuntimeOptions.defaults().withProvider(OnnxRuntimeOptions.ProviderPreference.CPU))) {
            runLoad("cnn (ONNX Runtime)", () -> onnx);
        }
    }

    private static void runLoad(String name, Supplier<Classifier> shared) throws Exception {
        Classifier classifier = shared.get();
        float[][] singles = new float[IMAGES][];
        float[][][] batches = new float[IMAGES / BATCH][][];
        for (int i = 0; i < IMAGES; i++) {
            singles[i] = classifier.predictNormalized(probe.get(i).toNormalized())[0];
        }
        for (int b = 0; b < batches.length; b++) {
            batches[b] = classifier.predictNormalized(probe.slice(b * BATCH, (b + 1) * BATCH).toNormalizedNchw());
        }
        float[][] inputs = new float[IMAGES][];
        for (int i = 0; i < IMAGES; i++) {
            inputs[i] = probe.get(i).toNormalized();
        }
        AtomicLong predictions = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<MemorySampler.Sample> samples;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (MemorySampler sampler = new MemorySampler()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    int step = thread;
                    while (System.nanoTime() < deadline) {
                        step++;
                        if (step % 4 == 0) {
                            int b = (step * 7 + thread) % batches.length;
                            float[][] got = classifier.predictNormalized(probe.slice(b * BATCH, (b + 1) * BATCH).toNormalizedNchw());
                            if (!Arrays.deepEquals(got, batches[b])) {
                                mismatches.incrementAndGet();
                            }
                            predictions.addAndGet(BATCH);
                        } else {
                            int i = (step * 31 + thread * 17) % IMAGES;
                            if (!Arrays.equals(classifier.predictNormalized(inputs[i])[0], singles[i])) {
                                mismatches.incrementAndGet();
                            }
                            predictions.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            samples = sampler.samples();
        } finally {
            pool.shutdownNow();
        }
        report(name, predictions.get(), mismatches.get(), samples);
        assertEquals(0, mismatches.get(), name + ": concurrent predictions that differ from the single-threaded ones");
        assertTrue(predictions.get() > 0, name);
        assertFlat(name, samples);
    }

    /** The RSS of the last third of the run against the middle third: a leak of a few MB/s would show. */
    private static void assertFlat(String name, List<MemorySampler.Sample> samples) {
        int third = samples.size() / 3;
        double middle = samples.subList(third, 2 * third).stream().mapToDouble(MemorySampler.Sample::rssMb).max().orElseThrow();
        double last = samples.subList(2 * third, samples.size()).stream().mapToDouble(MemorySampler.Sample::rssMb).max().orElseThrow();
        assertTrue(last <= middle * 1.05 + 32, String.format(Locale.ROOT,
                "%s: RSS grew from at most %.0f MB in the middle third to %.0f MB in the last", name, middle, last));
    }

    private static void report(String name, long predictions, long mismatches, List<MemorySampler.Sample> samples) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n== %s: %d threads, %d s: %,d predictions (%.0f img/s), %d differing from single-threaded%n",
                name, THREADS, SECONDS, predictions, predictions / (double) SECONDS, mismatches));
        out.append("   t(s)  heap used (MB)  RSS (MB)\n");
        for (int i = 0; i < samples.size(); i += Math.max(1, samples.size() / 12)) {
            MemorySampler.Sample s = samples.get(i);
            out.append(String.format(Locale.ROOT, "  %5.0f  %14.0f  %8.0f%n", s.seconds(), s.heapMb(), s.rssMb()));
        }
        MemorySampler.Sample last = samples.getLast();
        out.append(String.format(Locale.ROOT, "  %5.0f  %14.0f  %8.0f%n", last.seconds(), last.heapMb(), last.rssMb()));
        DoubleSummary heap = DoubleSummary.of(samples.stream().mapToDouble(MemorySampler.Sample::heapMb).toArray());
        DoubleSummary rss = DoubleSummary.of(samples.stream().mapToDouble(MemorySampler.Sample::rssMb).toArray());
        out.append(String.format(Locale.ROOT, "   heap min/max %.0f/%.0f MB; RSS min/max %.0f/%.0f MB, first 10 s mean %.0f, last 10 s mean %.0f%n",
                heap.min(), heap.max(), rss.min(), rss.max(), rss.firstMean(10), rss.lastMean(10)));
        System.out.print(out);
    }

    private record DoubleSummary(double[] values) {
        static DoubleSummary of(double[] values) {
            return new DoubleSummary(values);
        }

        double min() {
            return Arrays.stream(values).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(values).max().orElse(Double.NaN);
        }

        double firstMean(int n) {
            return Arrays.stream(values, 0, Math.min(n, values.length)).average().orElse(Double.NaN);
        }

        double lastMean(int n) {
            return Arrays.stream(values, Math.max(0, values.length - n), values.length).average().orElse(Double.NaN);
        }
    }
}
