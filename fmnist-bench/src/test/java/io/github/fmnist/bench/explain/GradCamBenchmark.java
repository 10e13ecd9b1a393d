package io.github.fmnist.bench.explain;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.explain.BatchExplainer;
import io.github.fmnist.explain.cam.GradCam;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Grad-CAM time per image on a saved model and the first Fashion-MNIST test images, one image at a time (as
 * {@code fmnist faithfulness} times it) and in batches through {@link BatchExplainer} (a measurement, not a test):
 * <pre>
 *   ./mvnw -q -pl fmnist-bench -am -Pgradcam-benchmark -DskipTests test -Dbenchmark.model=PATH/cnn.fmnist
 *   # -Dbenchmark.images=1024  -Dbenchmark.threads=1 (OMP_NUM_THREADS, native threads per pass)
 * </pre>
 * Each case is warmed up on the same images first, then timed over the best of three rounds.
 */
public final class GradCamBenchmark {
    private static final int ROUNDS = 3;
    private static final int SINGLE_IMAGES = 200;

    private GradCamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        ImageBatch images = FashionMnist.load().test().images().slice(0, count);
        try (Classifier classifier = PluginRegistry.discover().loadClassifier(model)) {
            GradCam cam = new GradCam(classifier);
            System.out.printf(Locale.ROOT, "Grad-CAM on %s (layer %s), OMP_NUM_THREADS=%s%n", model, cam.layer(),
                    System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
            ImageBatch few = images.slice(0, Math.min(SINGLE_IMAGES, count));
            report("one image at a time, 1 thread", few.size(), () -> few.stream().forEach(cam::explainPredicted));
            report("batches of 64, 1 thread", count, () -> new BatchExplainer(cam, 1).explainPredicted(images));
            report("batches of 64, 2 threads", count, () -> new BatchExplainer(cam, 2).explainPredicted(images));
        }
    }

    private static void report(String name, int images, Runnable work) {
        work.run(); // warm-up: JIT, network copies, native kernels
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / images);
        }
        System.out.printf(Locale.ROOT, "  %-32s %8.3f ms/image (%d images, best of %d)%n", name, best, images, ROUNDS);
    }
}
