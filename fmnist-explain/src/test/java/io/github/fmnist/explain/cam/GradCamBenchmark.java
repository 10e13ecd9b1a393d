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
 * Time per Grad-CAM explanation, single-threaded: {@code ./mvnw -pl fmnist-explain -Pbenchmark test-compile exec:java}
 * (see the module pom). Three cases: the explainer's own work with a network that costs nothing (cached
 * activations and gradients: what this module adds), the small shapes network of the tests, and a
 * pure-Java network of the seed CNN's size (32 and 64 channels of 3×3, 28×28 → 14×14). The real
 * {@code cnn} is measured by the bench through fmnist-dl's gradients.
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
        Image first = images.get(0);
        report("explainer only (cached 64×14×14 gradients)",
                new GradCam(new CachedGradients(seedSized.gradients(first, "conv2", FashionClass.BAG))), images, iterations);
        report("shapes test network (8×28×28, 8×14×14)", new GradCam(shapes), images, iterations);
        report("seed-sized network (32×28×28, 64×14×14)", new GradCam(seedSized), images, Math.max(20, iterations / 10));
    }

    private static void report(String name, Explainer explainer, ImageBatch images, int iterations) {
        for (int i = 0; i < Math.max(20, iterations / 5); i++) {
            explainer.explainPredicted(images.get(i % images.size()));
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            explainer.explainPredicted(images.get(i % images.size()));
        }
        double ms = (System.nanoTime() - start) / 1e6 / iterations;
        System.out.printf(Locale.ROOT, "Grad-CAM %-45s %8.3f ms/image (%d images)%n", name, ms, iterations);
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
