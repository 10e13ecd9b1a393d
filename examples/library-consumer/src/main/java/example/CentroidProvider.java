package example;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingRequest;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A model plugin of this project's own: class mean images, softmax over negative squared distances. */
public final class CentroidProvider implements ModelProvider {
    public static final String ID = "example-centroid";
    public static final Hyperparameter<Double> TEMPERATURE =
            Hyperparameter.ofDouble("temperature", 4.0, 0.01, 1000.0, "divides the squared distances before the softmax");
    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(ID, "Nearest centroid (example)", "classic", "1.0",
            "Mean image per class; the closest mean wins.", true,
            Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(List.of(TEMPERATURE))));

    @Override
    public ModelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> train(hyperparameters, request);
    }

    private Classifier train(Hyperparameters hyperparameters, TrainingRequest request) {
        long start = System.nanoTime();
        // The training-event protocol: Started, then progress, then Finished; check for cancellation between steps.
        request.listener().onEvent(new TrainingEvent.Started(ID, 1, 0));
        LabeledDataset train = request.train();
        float[][] means = new float[FashionClass.COUNT][Image.PIXELS];
        int[] counts = train.classCounts();
        float[] x = new float[Image.PIXELS];
        for (int i = 0; i < train.size(); i++) {
            if (i % 1000 == 0 && request.listener().isCancelled()) {
                throw new TrainingCancelledException(ID + " training cancelled after " + i + " images");
            }
            train.images().writeNormalized(i, x, 0);
            for (int p = 0; p < Image.PIXELS; p++) {
                means[train.label(i)][p] += x[p] / counts[train.label(i)];
            }
        }
        request.listener().onEvent(new TrainingEvent.Progress("images", train.size(), train.size()));
        request.listener().onEvent(new TrainingEvent.Finished(Duration.ofNanos(System.nanoTime() - start), 1));
        ModelInfo info = ModelInfo.of(DESCRIPTOR, hyperparameters).withProvenance(request.provenance(1, 1));
        return new Centroids(info, means);
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        bundle.requireProvider(ID);
        Hyperparameters hyperparameters = DESCRIPTOR.defaults().withAll(bundle.manifest().hyperparameters());
        float[][] means = new float[FashionClass.COUNT][Image.PIXELS];
        try (DataInputStream in = new DataInputStream(bundle.open("means.bin"))) {
            for (float[] mean : means) {
                for (int p = 0; p < Image.PIXELS; p++) {
                    mean[p] = in.readFloat();
                }
            }
        } catch (IOException e) {
            throw new IncompatibleModelException(bundle.path() + ": means.bin holds fewer than 10 × 784 floats", e);
        }
        return new Centroids(ModelInfo.of(bundle.manifest(), hyperparameters), means);
    }

    /** Immutable, so thread-safe. */
    private static final class Centroids implements Classifier {
        private final ModelInfo info;
        private final float[][] means;
        private final double temperature;

        Centroids(ModelInfo info, float[][] means) {
            this.info = info;
            this.means = means;
            this.temperature = info.hyperparameters().get(TEMPERATURE);
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            int n = Classifier.imageCount(nchw);
            float[][] out = new float[n][FashionClass.COUNT];
            for (int i = 0; i < n; i++) {
                double[] score = new double[FashionClass.COUNT];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    double d = 0;
                    for (int p = 0; p < Image.PIXELS; p++) {
                        double diff = nchw[i * Image.PIXELS + p] - means[c][p];
                        d += diff * diff;
                    }
                    score[c] = -d / temperature;
                    max = Math.max(max, score[c]);
                }
                double sum = 0;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    score[c] = Math.exp(score[c] - max);
                    sum += score[c];
                }
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    out[i][c] = (float) (score[c] / sum);
                }
            }
            return out;
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            try (OutputStream entry = sink.entry("means.bin"); DataOutputStream out = new DataOutputStream(entry)) {
                for (float[] mean : means) {
                    for (float v : mean) {
                        out.writeFloat(v);
                    }
                }
            }
        }
    }
}
