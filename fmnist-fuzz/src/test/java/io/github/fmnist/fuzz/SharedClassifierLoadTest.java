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
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
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

    /**
     * Flat means: neither the heap live after collections nor the native memory (RSS minus committed heap) of the
     * last third of the run exceeds the middle third's by more than 5 % + 32 MB. Heap growing into its
     * committed size is not a leak, so RSS itself is only reported.
     */
    private static void assertFlat(String name, List<MemorySampler.Sample> samples) {
        assertGrowth(name, "heap after GC", samples, MemorySampler.Sample::heapAfterGcMb);
        assertGrowth(name, "native (RSS - committed heap)", samples, MemorySampler.Sample::nativeMb);
    }

    private static void assertGrowth(String name, String what, List<MemorySampler.Sample> samples,
                                     ToDoubleFunction<MemorySampler.Sample> value) {
        int third = samples.size() / 3;
        double middle = samples.subList(third, 2 * third).stream().mapToDouble(value).max().orElseThrow();
        double last = samples.subList(2 * third, samples.size()).stream().mapToDouble(value).max().orElseThrow();
        assertTrue(last <= middle * 1.05 + 32, String.format(Locale.ROOT,
                "%s: %s grew from at most %.0f MB in the middle third to %.0f MB in the last", name, what, middle, last));
    }

    private static void report(String name, long predictions, long mismatches, List<MemorySampler.Sample> samples) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n== %s: %d threads, %d s: %,d predictions (%.0f img/s), %d differing from single-threaded%n",
                name, THREADS, SECONDS, predictions, predictions / (double) SECONDS, mismatches));
        out.append("   t(s)  heap used  after GC  committed    RSS  native (MB)\n");
        List<MemorySampler.Sample> shown = new ArrayList<>();
        for (int i = 0; i < samples.size(); i += Math.max(1, samples.size() / 12)) {
            shown.add(samples.get(i));
        }
        shown.add(samples.getLast());
        for (MemorySampler.Sample s : shown) {
            out.append(String.format(Locale.ROOT, "  %5.0f  %9.0f  %8.0f  %9.0f  %5.0f  %6.0f%n", s.seconds(), s.heapUsedMb(),
                    s.heapAfterGcMb(), s.heapCommittedMb(), s.rssMb(), s.nativeMb()));
        }
        out.append(String.format(Locale.ROOT, "   min/max: heap used %s, after GC %s, RSS %s, native %s MB%n",
                range(samples, MemorySampler.Sample::heapUsedMb), range(samples, MemorySampler.Sample::heapAfterGcMb),
                range(samples, MemorySampler.Sample::rssMb), range(samples, MemorySampler.Sample::nativeMb)));
        System.out.print(out);
    }

    private static String range(List<MemorySampler.Sample> samples, ToDoubleFunction<MemorySampler.Sample> value) {
        DoubleSummaryStatistics stats = samples.stream().mapToDouble(value).summaryStatistics();
        return String.format(Locale.ROOT, "%.0f/%.0f", stats.getMin(), stats.getMax());
    }
}
