package io.github.fmnist.dl;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.capability.Reinitializable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.dl.DescribedNetwork.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained DL4J graph as an fmnist {@link Classifier}, with the Grad-CAM and network-description capabilities.
 *
 * <h2>Thread-safety</h2>
 * A DL4J network keeps per-call state (layer inputs, workspaces), so one instance must never run two forward
 * passes at once. Each predicting thread borrows its own copy of the network from a pool and returns it
 * afterwards; copies are made on demand, so the pool grows to the largest number of threads that predicted at
 * the same time (a copy costs about as much memory as the parameters, ≈1 MB here). The original network is
 * only read (for saving and describing). Gradients are computed on the immutable network description, in
 * double precision.
 */
final class GraphClassifier implements Classifier, ConvolutionGradients, NetworkExportable, Reinitializable {
    /** Payload entry with the network in DL4J's format, without updater state. */
    static final String NETWORK_ENTRY = "network.zip";
    private static final int CHUNK = 256;

    private final ModelInfo info;
    private final ComputationGraph network;
    private final List<String> convolutionLayers;
    private final ConcurrentLinkedQueue<ComputationGraph> idle = new ConcurrentLinkedQueue<>();
    private volatile DescribedNetwork described;

    GraphClassifier(ModelInfo info, ComputationGraph network, List<String> convolutionLayers) {
        this.info = info;
        this.network = network;
        this.convolutionLayers = List.copyOf(convolutionLayers);
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
        ComputationGraph copy = borrow();
        try {
            for (int from = 0; from < count; from += CHUNK) {
                int n = Math.min(CHUNK, count - from);
                float[] chunk = new float[n * Image.PIXELS];
                System.arraycopy(nchw, from * Image.PIXELS, chunk, 0, chunk.length);
                float[][] probabilities = probabilities(copy, chunk, n);
                System.arraycopy(probabilities, 0, out, from, n);
            }
        } finally {
            idle.offer(copy);
        }
        return out;
    }

    static float[][] probabilities(ComputationGraph graph, float[] chunk, int n) {
        try (INDArray input = Nd4j.create(chunk, new long[] {n, 1, Image.SIDE, Image.SIDE}, 'c');
             INDArray output = graph.outputSingle(false, input)) {
            return output.toFloatMatrix();
        }
    }

    private ComputationGraph borrow() {
        ComputationGraph copy = idle.poll();
        if (copy != null) {
            return copy;
        }
        synchronized (network) {
            return network.clone();
        }
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
        if (!convolutionLayers.contains(layer)) {
            throw new InvalidInputException("no convolutional layer '" + layer + "'; layers: " + convolutionLayers);
        }
        DescribedNetwork net = describedNetwork();
        double[] image = new double[Image.PIXELS];
        for (int i = 0; i < image.length; i++) {
            image[i] = normalizedImage[i];
        }
        Map<String, Tensor> activations = net.forward(image);
        double[] gradient = net.gradient(activations, layer, target.label());
        Tensor a = activations.get(layer);
        return new ActivationGradients(layer, target, net.logits(activations)[target.label()], a.channels(), a.height(),
                a.width(), a.values(), gradient);
    }

    @Override
    public NetworkDescription describeNetwork() {
        return describedNetwork().description();
    }

    DescribedNetwork describedNetwork() {
        DescribedNetwork d = described;
        if (d == null) {
            synchronized (network) {
                d = described;
                if (d == null) {
                    d = new DescribedNetwork(NetworkDescriber.describe(info.providerId(), network));
                    described = d;
                }
            }
        }
        return d;
    }

    @Override
    public void close() {
        idle.clear();
    }
}
