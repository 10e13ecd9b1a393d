package io.github.fmnist.dl;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.data.FashionMnist;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Times one epoch over the first {@code batches × batch-size} real training images (no test, no inference) and
 * prints the SHA-256 of the trained parameters, so two builds can be compared for speed and for bit-identical
 * results in one run. Not a test:
 * {@code java -cp ... io.github.fmnist.dl.TrainingSpeed cnn paper 200 batch-size=64 threads=2}.
 * The steady-state figure leaves out the first {@value #WARM_UP} batches (JIT compilation, oneDNN primitive
 * creation).
 */
public final class TrainingSpeed {
    private static final long SEED = 123L;
    private static final int WARM_UP = 20;

    private TrainingSpeed() {
    }

    /** CPU time of the whole process (all threads, JIT and GC included): less disturbed by other processes than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        String id = args[0];
        String preset = args[1];
        int batches = Integer.parseInt(args[2]);
        ModelProvider provider = id.equals(CnnProvider.ID) ? new CnnProvider() : new ResnetProvider();
        Hyperparameters hp = provider.descriptor().preset(preset).with("epochs", "1");
        for (int i = 3; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            hp = hp.with(pair[0], pair[1]);
        }
        int batchSize = hp.get(TrainingHyperparameters.BATCH_SIZE);
        LabeledDataset all = FashionMnist.load().train();
        LabeledDataset train = all.slice(0, Math.min(all.size(), batches * batchSize));
        long[] warm = new long[2];
        long start = System.nanoTime();
        Classifier classifier = provider.trainer(hp).fit(new TrainingRequest(train, LabeledDataset.empty(), SEED,
                new TrainingListener() {
                    @Override
                    public void onEvent(TrainingEvent event) {
                        if (event instanceof TrainingEvent.Iteration it && it.iteration() == WARM_UP) {
                            warm[0] = System.nanoTime();
                            warm[1] = processCpuNanos();
                        }
                    }
                }));
        long end = System.nanoTime();
        long cpuEnd = processCpuNanos();
        int steps = (train.size() + batchSize - 1) / batchSize;
        float[] params = ((GraphClassifier) classifier).network().params().toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(params.length * Float.BYTES);
        bytes.asFloatBuffer().put(params);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array())).substring(0, 16);
        System.out.println(String.format(Locale.ROOT,
                "%s %s: %d batches of %d, %.2f s total, %.2f ms/batch after %d warm-up batches (%.1f s per 60k epoch),"
                        + " process CPU %.2f ms/batch; params sha256 %s",
                id, preset, steps, batchSize, (end - start) / 1e9, (end - warm[0]) / 1e6 / (steps - WARM_UP), WARM_UP,
                (end - warm[0]) / 1e9 / (steps - WARM_UP) * Math.ceil(60000.0 / batchSize),
                (cpuEnd - warm[1]) / 1e6 / (steps - WARM_UP), digest));
        classifier.close();
    }
}
