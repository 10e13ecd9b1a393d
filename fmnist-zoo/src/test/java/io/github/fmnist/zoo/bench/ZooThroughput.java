package io.github.fmnist.zoo.bench;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import io.github.fmnist.zoo.FashionZoo;
import java.util.Locale;

/**
 * Throughput of a zoo model under ONNX Runtime at batch 1 and 256 on the real test images (not a test: run with
 * {@code ./mvnw -pl fmnist-zoo -am -Pzoo-benchmark test -DskipTests}). Prints images per second after warm-up.
 */
public final class ZooThroughput {
    private ZooThroughput() {
    }

    public static void main(String[] args) throws Exception {
        String id = args.length > 0 ? args[0] : "resnet";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        ImageBatch test = FashionMnist.load().test().images();
        float[] all = test.toNormalizedNchw();
        try (OnnxClassifier model = FashionZoo.open(id, OnnxRuntimeOptions.defaults().withIntraOpThreads(threads))) {
            for (int batch : new int[] {1, 256}) {
                measure(model, all, batch, seconds / 5); // warm-up
                double rate = measure(model, all, batch, seconds);
                System.out.printf(Locale.ROOT, "%s batch %d, %d intra-op threads: %.0f img/s%n", id, batch, threads, rate);
            }
        }
    }

    private static double measure(OnnxClassifier model, float[] all, int batch, double seconds) {
        int images = all.length / 784;
        long start = System.nanoTime();
        long done = 0;
        int offset = 0;
        while (System.nanoTime() - start < seconds * 1e9) {
            if (offset + batch > images) {
                offset = 0;
            }
            float[] slice = java.util.Arrays.copyOfRange(all, offset * 784, (offset + batch) * 784);
            model.predictNormalized(slice);
            done += batch;
            offset += batch;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }
}
