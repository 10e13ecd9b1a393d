package io.github.fmnist.explain.cam;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.explain.network.ShapeBatches;
import io.github.fmnist.explain.network.Shapes;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import java.util.List;
import java.util.Locale;

/**
 * Time per Grad-CAM explanation, single-threaded: {@code ./mvnw -q -pl fmnist-explain -am -Pbenchmark -DskipTests
 * test} (see the module pom). Two cases: the explainer's own work with a network that costs nothing (cached
 * activations and gradients of the size of the seed CNN's second convolution: what this module adds), one image
 * at a time and in a batch, and the small shapes network of the tests. The trained {@code cnn} with fmnist-dl's
 * batched gradients is measured by fmnist-bench's {@code GradCamBenchmark}.
 */
public final class GradCamBenchmark {

    private GradCamBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        ImageBatch images = ShapeBatches.of(Shapes.generate(64, 5));

        TestConvNet shapes = Training.trainedShapesNet();
        TestConvNet seedSized = TestConvNet.random(List.of(new TestConvNet.Conv(32, 3, 1, 1),
                new TestConvNet.Conv(64, 3, 2, 1)), TestConvNet.Pooling.GLOBAL_AVERAGE, 3);
        GradCam cached = new GradCam(new CachedGradients(seedSized.gradients(images.get(0), "conv2", FashionClass.BAG)));
        report("explainer only (cached 64×14×14 gradients)", cached, images, iterations);
        reportBatch("explainer only, batches of 64", cached, images, Math.max(1, iterations / images.size()));
        report("shapes test network (8×28×28, 8×14×14)", new GradCam(shapes), images, iterations);
    }

    private static void report(String name, Explainer explainer, ImageBatch images, int iterations) {
        for (int i = 0; i < Math.max(20, iterations / 5); i++) {
            explainer.explainPredicted(images.get(i % images.size()));
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            explainer.explainPredicted(images.get(i % images.size()));
        }
        print(name, (System.nanoTime() - start) / 1e6 / iterations, iterations);
    }

    private static void reportBatch(String name, GradCam explainer, ImageBatch images, int batches) {
        explainer.explainAllPredicted(images);
        long start = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            explainer.explainAllPredicted(images);
        }
        print(name, (System.nanoTime() - start) / 1e6 / (batches * images.size()), batches * images.size());
    }

    private static void print(String name, double ms, int images) {
        System.out.printf(Locale.ROOT, "Grad-CAM %-45s %8.3f ms/image (%d images)%n", name, ms, images);
    }

    /** A classifier whose network costs nothing: it replays one set of activations and gradients. */
    private record CachedGradients(ActivationGradients cached) implements Classifier, ConvolutionGradients {
        @Override
        public ModelInfo info() {
            return new ModelInfo("cached", "1", Hyperparameters.defaults(List.of()));
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            float[][] out = new float[Classifier.imageCount(nchw)][FashionClass.COUNT];
            for (float[] row : out) {
                row[cached.target().label()] = 1f;
            }
            return out;
        }

        @Override
        public void writePayload(PayloadSink sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> convolutionLayers() {
            return List.of(cached.layer());
        }

        @Override
        public ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target) {
            return cached;
        }
    }
}
