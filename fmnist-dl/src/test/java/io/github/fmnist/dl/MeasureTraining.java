package io.github.fmnist.dl;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Measures a preset on the real dataset: per-epoch time, test accuracy, inference throughput at batch 1 and
 * 256, and peak heap. Not a test; run through the {@code measure} profile:
 * {@code ./mvnw -pl fmnist-dl -Pmeasure test-compile exec:exec -Dmeasure.args="cnn default [trainSize|full] [epochs] [name=value...]"}.
 */
public final class MeasureTraining {
    private static final long SEED = 123L;

    private MeasureTraining() {
    }

    public static void main(String[] args) {
        String id = args[0];
        String preset = args.length > 1 ? args[1] : "default";
        ModelProvider provider = id.equals(CnnProvider.ID) ? new CnnProvider() : new ResnetProvider();
        Hyperparameters hp = provider.descriptor().preset(preset);
        if (args.length > 3) {
            hp = hp.with("epochs", args[3]);
        }
        for (int i = 4; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            hp = hp.with(pair[0], pair[1]);
        }
        FashionMnistData data = FashionMnist.load();
        LabeledDataset train = data.train();
        if (args.length > 2 && !args[2].equals("full")) {
            train = StratifiedSample.sample(train, Integer.parseInt(args[2]), SEED);
        }
        print("model %s preset %s: %s; %d training images, threads OMP_NUM_THREADS=%s", id, preset, hp, train.size(),
                System.getenv("OMP_NUM_THREADS"));
        long start = System.nanoTime();
        Classifier classifier = provider.trainer(hp).fit(new TrainingRequest(train, LabeledDataset.empty(), SEED,
                new TrainingListener() {
                    @Override
                    public void onEvent(TrainingEvent event) {
                        if (event instanceof TrainingEvent.EpochCompleted e) {
                            print("epoch %d: loss %.4f train acc %.4f, %.1f s", e.metrics().epoch(), e.metrics().trainLoss(),
                                    e.metrics().trainAccuracy(), e.metrics().elapsed().toMillis() / 1000.0);
                        }
                    }
                }));
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        float[] test = data.test().images().toNormalizedNchw();
        long t0 = System.nanoTime();
        float[][] p = classifier.predictNormalized(test);
        double batchSeconds = (System.nanoTime() - t0) / 1e9;
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if (BatchMetrics.argmax(p[i]) == data.test().label(i)) {
                correct++;
            }
        }
        print("training %.1f s; test accuracy %.4f (%d/%d)", trainSeconds, (double) correct / p.length, correct, p.length);
        print("inference batch 256: %.0f images/s (10,000 test images in %.2f s)", p.length / batchSeconds, batchSeconds);
        int singles = 2000;
        float[] one = new float[Image.PIXELS];
        for (int i = 0; i < 200; i++) {
            System.arraycopy(test, i * Image.PIXELS, one, 0, Image.PIXELS);
            classifier.predictNormalized(one);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            System.arraycopy(test, i * Image.PIXELS, one, 0, Image.PIXELS);
            classifier.predictNormalized(one);
        }
        double singleSeconds = (System.nanoTime() - t1) / 1e9;
        print("inference batch 1: %.0f images/s (%.2f ms per image)", singles / singleSeconds, 1000 * singleSeconds / singles);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        print("peak heap used %.0f MB of max %.0f MB", peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
