package io.github.fmnist.dl;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.capability.FeatureExtractor;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.capability.Reinitializable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.NetworkDescription;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained DL4J graph as an fmnist {@link Classifier}, with the Grad-CAM and network-description capabilities.
 *
 * <h2>Thread-safety</h2>
 * Predictions and gradients run on copies of the network borrowed from a {@link GraphPool}, one per concurrent
 * call. The original network is only read (for copying, saving and describing), under its own lock. Gradients
 * are DL4J's own batched backward pass in inference mode ({@link InferenceGradients}), in the network's float
 * precision.
 */
final class GraphClassifier implements Classifier, ConvolutionGradients, NetworkExportable, Reinitializable {
    /** Payload entry with the network in DL4J's format, without updater state. */
    static final String NETWORK_ENTRY = "network.zip";
    private static final int CHUNK = 256;
    /** Images per gradient pass: large enough to amortise DL4J's per-call overhead, small enough for memory. */
    private static final int GRADIENT_CHUNK = 64;

    private final ModelInfo info;
    private final ComputationGraph network;
    private final List<String> convolutionLayers;
    private final GraphPool pool;
    private volatile NetworkDescription described;

    GraphClassifier(ModelInfo info, ComputationGraph network, List<String> convolutionLayers) {
        this.info = info;
        this.network = network;
        this.convolutionLayers = List.copyOf(convolutionLayers);
        this.pool = new GraphPool(network);
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The underlying network; for this module's tests and trainers only. */
    ComputationGraph network() {
        return network;
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        int count = Classifier.imageCount(nchw);
        float[][] out = new float[count][];
        return pool.apply(copy -> {
            for (int from = 0; from < count; from += CHUNK) {
                int n = Math.min(CHUNK, count - from);
                float[][] probabilities = probabilities(copy, Arrays.copyOfRange(nchw, from * Image.PIXELS,
                        (from + n) * Image.PIXELS), n);
                System.arraycopy(probabilities, 0, out, from, n);
            }
            return out;
        });
    }

    static float[][] probabilities(ComputationGraph graph, float[] chunk, int n) {
        try (INDArray input = images(chunk, n);
             INDArray output = graph.outputSingle(false, input)) {
            return output.toFloatMatrix();
        }
    }

    private static INDArray images(float[] chunk, int n) {
        return Nd4j.create(chunk, new long[] {n, 1, Image.SIDE, Image.SIDE}, 'c');
    }

    @Override
    public Classifier reinitialized(long seed) {
        ComputationGraphConfiguration configuration;
        synchronized (network) {
            configuration = network.getConfiguration().clone();
        }
        configuration.getDefaultConfiguration().setSeed(seed);
        ComputationGraph fresh = new ComputationGraph(configuration);
        fresh.init();
        return new GraphClassifier(info, fresh, convolutionLayers);
    }

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        synchronized (network) {
            ModelSerializer.writeModel(network, bytes, false);
        }
        sink.write(NETWORK_ENTRY, StableZip.withEntryTime(bytes.toByteArray(), info.provenance().createdAt()));
    }

    @Override
    public List<String> convolutionLayers() {
        return convolutionLayers;
    }

    @Override
    public ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target) {
        if (normalizedImage.length != Image.PIXELS) {
            throw new InvalidInputException("an image needs " + Image.PIXELS + " values (28×28), found " + normalizedImage.length);
        }
        return gradients(normalizedImage, layer, List.of(target)).get(0);
    }

    @Override
    public List<ActivationGradients> gradients(float[] nchw, String layer, List<FashionClass> targets) {
        int count = ConvolutionGradients.requireBatch(nchw, targets);
        if (!convolutionLayers.contains(layer)) {
            throw new InvalidInputException("no convolutional layer '" + layer + "'; layers: " + convolutionLayers);
        }
        return pool.apply(copy -> {
            List<ActivationGradients> out = new ArrayList<>(count);
            for (int from = 0; from < count; from += GRADIENT_CHUNK) {
                int n = Math.min(GRADIENT_CHUNK, count - from);
                List<FashionClass> chunkTargets = targets.subList(from, from + n);
                int[] labels = chunkTargets.stream().mapToInt(FashionClass::label).toArray();
                try (INDArray input = images(Arrays.copyOfRange(nchw, from * Image.PIXELS, (from + n) * Image.PIXELS), n)) {
                    out.addAll(split(layer, chunkTargets,
                            InferenceGradients.compute(copy, input, layer, Architecture.LOGITS, labels)));
                }
            }
            return out;
        });
    }

    /** One record per image from the batch's tensors. */
    private static List<ActivationGradients> split(String layer, List<FashionClass> targets, InferenceGradients.Result r) {
        long[] shape = r.activations().shape();
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int height = (int) shape[2];
        int width = (int) shape[3];
        int size = channels * height * width;
        float[] activations = Nd4j.toFlattened('c', r.activations()).toFloatVector();
        float[] gradients = Nd4j.toFlattened('c', r.gradients()).toFloatVector();
        List<ActivationGradients> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FashionClass target = targets.get(i);
            out.add(new ActivationGradients(layer, target, r.logits().getDouble(i, target.label()), channels, height, width,
                    doubles(activations, i * size, size), doubles(gradients, i * size, size)));
        }
        return out;
    }

    private static double[] doubles(float[] values, int from, int length) {
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            out[i] = values[from + i];
        }
        return out;
    }

    @Override
    public NetworkDescription describeNetwork() {
        NetworkDescription d = described;
        if (d == null) {
            synchronized (network) {
                d = described;
                if (d == null) {
                    d = NetworkDescriber.describe(info.providerId(), network);
                    described = d;
                }
            }
        }
        return d;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> capability) {
        return capability == FeatureExtractor.class ? Optional.of(capability.cast(new GraphFeatures(network, pool))) : Classifier.super.unwrap(capability);
    }

    @Override
    public void close() {
        pool.clear();
    }
}
