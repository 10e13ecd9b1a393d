package io.github.fmnist.bench.toy;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny test plugin: softmax regression trained by full-batch gradient descent, reporting epochs like a
 * network does and describing itself as Flatten + Dense so the ONNX path can be exercised.
 */
public class ToySoftmaxProvider implements ModelProvider {
    public static final String ID = "toy-softmax";
    static final Hyperparameter<Integer> EPOCHS = Hyperparameter.ofInt("epochs", 6, 1, 1000, "gradient steps");
    static final Hyperparameter<Double> LEARNING_RATE = Hyperparameter.ofDouble("learning-rate", 0.1, 1e-6, 10, "step size");
    private static final String PAYLOAD = "weights.bin";

    private final ModelDescriptor descriptor;

    public ToySoftmaxProvider() {
        this(ID, "Softmax regression (toy)");
    }

    /** A copy under another id, for tests that need several models. */
    protected ToySoftmaxProvider(String id, String displayName) {
        Hyperparameters defaults = Hyperparameters.defaults(List.of(EPOCHS, LEARNING_RATE));
        Map<String, Hyperparameters> presets = new LinkedHashMap<>();
        presets.put(ModelDescriptor.DEFAULT_PRESET, defaults);
        presets.put("quick", defaults.with(EPOCHS, 4));
        descriptor = new ModelDescriptor(id, displayName, "toy", "1",
                "Test-only softmax regression.", true, presets);
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> fit(request, hyperparameters);
    }

    /** Runs at the start of every training, on the training's thread. */
    protected void beforeTraining() {
    }

    private Classifier fit(TrainingRequest request, Hyperparameters hp) {
        beforeTraining();
        int epochs = hp.get(EPOCHS);
        double rate = hp.get(LEARNING_RATE);
        request.listener().onEvent(new TrainingEvent.Started(descriptor.id(), epochs, 1));
        float[] w = new float[Image.PIXELS * FashionClass.COUNT];
        float[] b = new float[FashionClass.COUNT];
        LabeledDataset train = request.train();
        float[] x = train.images().toNormalizedNchw();
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (request.listener().isCancelled()) {
                throw new TrainingCancelledException("cancelled before epoch " + epoch);
            }
            Softmax model = new Softmax(ModelInfo.of(descriptor, hp), w, b);
            float[][] p = model.predictNormalized(x);
            float[] gw = new float[w.length];
            float[] gb = new float[b.length];
            for (int i = 0; i < train.size(); i++) {
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    float g = p[i][c] - (train.label(i) == c ? 1f : 0f);
                    gb[c] += g;
                    for (int k = 0; k < Image.PIXELS; k++) {
                        gw[k * FashionClass.COUNT + c] += g * x[i * Image.PIXELS + k];
                    }
                }
            }
            for (int k = 0; k < w.length; k++) {
                w[k] -= (float) (rate * gw[k] / train.size());
            }
            for (int c = 0; c < b.length; c++) {
                b[c] -= (float) (rate * gb[c] / train.size());
            }
            request.listener().onEvent(new TrainingEvent.Iteration(epoch, 1, loss(p, train)));
            Softmax after = new Softmax(ModelInfo.of(descriptor, hp), w, b);
            double[] trainMetrics = metrics(after, train);
            double[] validation = request.validation().isEmpty() ? new double[] {Double.NaN, Double.NaN}
                    : metrics(after, request.validation());
            request.listener().onEvent(new TrainingEvent.EpochCompleted(new EpochMetrics(epoch, trainMetrics[0], trainMetrics[1],
                    validation[0], validation[1], Duration.ofMillis(1))));
        }
        request.listener().onEvent(new TrainingEvent.Finished(Duration.ofNanos(System.nanoTime() - start), epochs));
        return new Softmax(ModelInfo.of(descriptor, hp), w, b);
    }

    private static double[] metrics(Softmax model, LabeledDataset data) {
        float[][] p = model.predictNormalized(data.images().toNormalizedNchw());
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (io.github.fmnist.api.model.Prediction.argmax(p[i]) == data.label(i)) {
                correct++;
            }
        }
        return new double[] {loss(p, data), (double) correct / data.size()};
    }

    private static double loss(float[][] p, LabeledDataset data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum -= Math.log(Math.max(1e-7, p[i][data.label(i)]));
        }
        return sum / data.size();
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        bundle.requireProvider(descriptor.id());
        Hyperparameters hp = descriptor.defaults().withAll(bundle.manifest().hyperparameters());
        try (DataInputStream in = new DataInputStream(bundle.open(PAYLOAD))) {
            float[] w = new float[Image.PIXELS * FashionClass.COUNT];
            float[] b = new float[FashionClass.COUNT];
            for (int i = 0; i < w.length; i++) {
                w[i] = in.readFloat();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = in.readFloat();
            }
            return new Softmax(ModelInfo.of(descriptor, hp), w, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Immutable, hence thread-safe. */
    static final class Softmax implements Classifier, NetworkExportable {
        private final ModelInfo info;
        private final float[] w;
        private final float[] b;

        Softmax(ModelInfo info, float[] w, float[] b) {
            this.info = info;
            this.w = w.clone();
            this.b = b.clone();
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
                double[] z = new double[FashionClass.COUNT];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    double s = b[c];
                    for (int k = 0; k < Image.PIXELS; k++) {
                        s += nchw[i * Image.PIXELS + k] * w[k * FashionClass.COUNT + c];
                    }
                    z[c] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    z[c] = Math.exp(z[c] - max);
                    sum += z[c];
                }
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    out[i][c] = (float) (z[c] / sum);
                }
            }
            return out;
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                for (float v : w) {
                    out.writeFloat(v);
                }
                for (float v : b) {
                    out.writeFloat(v);
                }
            }
            sink.write(PAYLOAD, bytes.toByteArray());
        }

        @Override
        public NetworkDescription describeNetwork() {
            return new NetworkDescription(ID, List.of(
                    NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
                    NetworkNode.of("dense", new Layer.Dense(Image.PIXELS, FashionClass.COUNT, w, b), "flatten")), "dense");
        }
    }
}
