package io.github.fmnist.testkit;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A toy plugin for the testkit's own tests: the softmax of negative distances to each class's mean image.
 * It describes itself as a network: {@code −‖x − μ‖² / T} differs from {@code (2 x·μ − ‖μ‖²) / T} only by
 * {@code ‖x‖² / T}, the same for every class, so a Flatten and one Dense layer give the same softmax.
 */
public class NearestCentroidProvider implements ModelProvider {
    static final Hyperparameter<Double> TEMPERATURE =
            Hyperparameter.ofDouble("temperature", 10.0, 0.01, 1000, "softmax temperature over squared distances");
    private static final String PAYLOAD = "centroids.bin";

    private final ModelDescriptor descriptor;
    private final boolean honestDescription;

    public NearestCentroidProvider() {
        this("toy-centroid", "Nearest centroid (toy)", true);
    }

    /** For a deliberately wrong twin: {@code honestDescription = false} describes the network without its biases. */
    NearestCentroidProvider(String id, String displayName, boolean honestDescription) {
        this.descriptor = new ModelDescriptor(id, displayName, "toy", "1",
                "Class mean images; probabilities from a softmax of negative squared distances.", true,
                Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(List.of(TEMPERATURE))));
        this.honestDescription = honestDescription;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> {
            request.listener().onEvent(new TrainingEvent.Started(descriptor.id(), 1, 0));
            if (request.listener().isCancelled()) {
                throw new TrainingCancelledException("cancelled before the centroids were computed");
            }
            float[][] centroids = centroids(request.train());
            request.listener().onEvent(new TrainingEvent.Finished(Duration.ZERO, 1));
            return new Centroids(ModelInfo.of(descriptor, hyperparameters), centroids, honestDescription);
        };
    }

    private static float[][] centroids(LabeledDataset data) {
        float[][] sums = new float[FashionClass.COUNT][Image.PIXELS];
        int[] counts = data.classCounts();
        float[] pixels = new float[Image.PIXELS];
        for (int i = 0; i < data.size(); i++) {
            data.images().writeNormalized(i, pixels, 0);
            float[] sum = sums[data.label(i)];
            for (int p = 0; p < Image.PIXELS; p++) {
                sum[p] += pixels[p];
            }
        }
        for (int c = 0; c < FashionClass.COUNT; c++) {
            for (int p = 0; p < Image.PIXELS; p++) {
                sums[c][p] /= Math.max(1, counts[c]);
            }
        }
        return sums;
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        bundle.requireProvider(descriptor.id());
        Hyperparameters hp = descriptor.defaults().withAll(bundle.manifest().hyperparameters());
        try (DataInputStream in = new DataInputStream(bundle.open(PAYLOAD))) {
            float[][] centroids = new float[FashionClass.COUNT][Image.PIXELS];
            for (float[] c : centroids) {
                for (int p = 0; p < Image.PIXELS; p++) {
                    c[p] = in.readFloat();
                }
            }
            return new Centroids(ModelInfo.of(descriptor, hp), centroids, honestDescription);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Immutable after construction, hence thread-safe. */
    static final class Centroids implements Classifier, NetworkExportable {
        private final ModelInfo info;
        private final float[][] centroids;
        private final double temperature;
        private final boolean honestDescription;

        Centroids(ModelInfo info, float[][] centroids, boolean honestDescription) {
            this.info = info;
            this.centroids = centroids;
            this.temperature = info.hyperparameters().get(TEMPERATURE);
            this.honestDescription = honestDescription;
        }

        @Override
        public NetworkDescription describeNetwork() {
            float[] weights = new float[Image.PIXELS * FashionClass.COUNT];
            float[] bias = new float[FashionClass.COUNT];
            for (int c = 0; c < FashionClass.COUNT; c++) {
                double squaredNorm = 0;
                for (int p = 0; p < Image.PIXELS; p++) {
                    weights[p * FashionClass.COUNT + c] = (float) (2 * centroids[c][p] / temperature);
                    squaredNorm += (double) centroids[c][p] * centroids[c][p];
                }
                bias[c] = honestDescription ? (float) (-squaredNorm / temperature) : 0f;
            }
            return new NetworkDescription(info.providerId(), List.of(
                    NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                    NetworkNode.of("scores", new Layer.Dense(Image.PIXELS, FashionClass.COUNT, weights, bias), "flatten")),
                    "scores");
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            int n = Classifier.imageCount(nchw);
            float[][] out = new float[n][];
            for (int i = 0; i < n; i++) {
                double[] scores = new double[FashionClass.COUNT];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    double d = 0;
                    for (int p = 0; p < Image.PIXELS; p++) {
                        double diff = nchw[i * Image.PIXELS + p] - centroids[c][p];
                        d += diff * diff;
                    }
                    scores[c] = -d / temperature;
                    max = Math.max(max, scores[c]);
                }
                out[i] = softmax(scores, max);
            }
            return out;
        }

        private static float[] softmax(double[] scores, double max) {
            double sum = 0;
            for (int c = 0; c < scores.length; c++) {
                scores[c] = Math.exp(scores[c] - max);
                sum += scores[c];
            }
            float[] p = new float[scores.length];
            for (int c = 0; c < scores.length; c++) {
                p[c] = (float) (scores[c] / sum);
            }
            return p;
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                for (float[] c : centroids) {
                    for (float v : c) {
                        out.writeFloat(v);
                    }
                }
            }
            sink.write(PAYLOAD, bytes.toByteArray());
        }
    }
}
