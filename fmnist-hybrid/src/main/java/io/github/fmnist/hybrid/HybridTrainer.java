package io.github.fmnist.hybrid;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.capability.FeatureExtractor;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ThreadBudget;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.registry.PluginRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the network (loads its bundle or trains its provider on the request), computes the features of every
 * training image (and, with {@code flip}, of its mirror image), fits the head. Events: {@code Started}, {@code Progress("features", done, total)} per chunk of
 * images, {@code Progress("head", 0, 1)} before the fit and {@code (1, 1)} after, {@code Finished}. Cancellation is
 * polled between chunks and before and after the fit (Smile's L-BFGS cannot be interrupted).
 */
final class HybridTrainer implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(HybridTrainer.class);
    /** Images per feature pass: progress and cancellation between them, and no 60,000-image float copy. */
    private static final int CHUNK = 4096;

    private final ModelDescriptor descriptor;
    private final Hyperparameters hyperparameters;
    private final PluginRegistry registry;

    HybridTrainer(ModelDescriptor descriptor, Hyperparameters hyperparameters, PluginRegistry registry) {
        this.descriptor = descriptor;
        this.hyperparameters = hyperparameters;
        this.registry = registry;
    }

    @Override
    public Classifier fit(TrainingRequest request) {
        TrainingListener listener = request.listener();
        long start = System.nanoTime();
        listener.onEvent(new TrainingEvent.Started(descriptor.id(), 1, 0));
        requireNotCancelled(listener);
        Classifier network = network(hyperparameters.get(HybridProvider.NETWORK), request);
        try {
            FeatureExtractor extractor = network.unwrap(FeatureExtractor.class).orElseThrow(() -> new UnsupportedFeatureException(
                    "hybrid: network '" + network.info().providerId() + "' offers no FeatureExtractor (its embedding before "
                            + "the classifier layer); use a network such as cnn or resnet"));
            boolean flip = hyperparameters.get(HybridProvider.FLIP);
            double[][] x = features(extractor, request.train().images(), flip, listener);
            int[] labels = flip ? twice(request.train().labels()) : request.train().labels();
            listener.onEvent(new TrainingEvent.Progress("head", 0, 1));
            LinearHead head = ThreadBudget.runUnchecked(request.threads(), "fmnist-hybrid-head", () -> HeadFitting.fit(x,
                    labels, hyperparameters.get(HybridProvider.LAMBDA),
                    hyperparameters.get(HybridProvider.TOLERANCE), hyperparameters.get(HybridProvider.MAX_ITERATIONS)));
            listener.onEvent(new TrainingEvent.Progress("head", 1, 1));
            requireNotCancelled(listener);
            ModelInfo info = ModelInfo.of(descriptor, hyperparameters).withProvenance(request.provenance(1, request.threads()));
            HybridClassifier hybrid = new HybridClassifier(info, network, head, flip);
            LOG.info("hybrid head on {} features of {} training images fitted in {} s", extractor.featureCount(),
                    x.length, (System.nanoTime() - start) / 1_000_000_000);
            listener.onEvent(new TrainingEvent.Finished(Duration.ofNanos(System.nanoTime() - start), 1));
            return hybrid;
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    /** The features of every image, then (with {@code flip}) of every image's mirror, in the same order. */
    private static double[][] features(FeatureExtractor extractor, ImageBatch images, boolean flip, TrainingListener listener) {
        int n = images.size();
        int total = flip ? 2 * n : n;
        double[][] out = new double[total][];
        float[] chunk = new float[Math.min(CHUNK, n) * Image.PIXELS];
        for (int from = 0; from < n; from += CHUNK) {
            requireNotCancelled(listener);
            int size = Math.min(CHUNK, n - from);
            for (int i = 0; i < size; i++) {
                images.writeNormalized(from + i, chunk, i * Image.PIXELS);
            }
            float[] pixels = size * Image.PIXELS == chunk.length ? chunk : Arrays.copyOf(chunk, size * Image.PIXELS);
            copy(extractor.features(pixels), out, from);
            if (flip) {
                copy(extractor.features(Layer.FlipHorizontal.apply(pixels)), out, n + from);
            }
            listener.onEvent(new TrainingEvent.Progress("features", from + size, n));
        }
        return out;
    }

    private static void copy(float[][] features, double[][] into, int at) {
        for (int i = 0; i < features.length; i++) {
            double[] row = new double[features[i].length];
            for (int j = 0; j < row.length; j++) {
                row[j] = features[i][j];
            }
            into[at + i] = row;
        }
    }

    private static int[] twice(int[] labels) {
        int[] out = Arrays.copyOf(labels, 2 * labels.length);
        System.arraycopy(labels, 0, out, labels.length, labels.length);
        return out;
    }

    private Classifier network(String spec, TrainingRequest request) {
        LOG.info("hybrid network {}", spec);
        return registry.loadOrTrain(spec, request);
    }

    private static void requireNotCancelled(TrainingListener listener) {
        if (listener.isCancelled()) {
            throw new TrainingCancelledException("hybrid training cancelled");
        }
    }
}
