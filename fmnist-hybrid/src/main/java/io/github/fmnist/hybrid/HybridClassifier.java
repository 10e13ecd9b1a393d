package io.github.fmnist.hybrid;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.FeatureExtractor;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A network's features through a {@link LinearHead}; with {@code flip}, the mean of the head's probabilities for the
 * image and for its mirror image.
 *
 * <h2>Thread-safety</h2>
 * The head is immutable and the network's {@link FeatureExtractor} is thread-safe as the api requires, so concurrent
 * predictions are safe and equal sequential ones. {@link #close()} closes the network.
 */
final class HybridClassifier implements Classifier {
    static final String FLATTEN = "hybrid.flatten";
    static final String STANDARDIZE = "hybrid.standardize";
    static final String LOGITS = "hybrid.logits";
    static final String FLIP = "hybrid.flip";
    static final String MIRROR = "mirror.";
    static final String VOTE = "hybrid.vote";

    private final ModelInfo info;
    private final Classifier network;
    private final FeatureExtractor features;
    private final LinearHead head;
    private final boolean flip;

    /** @throws IncompatibleModelException if the network offers no features or not as many as the head reads */
    HybridClassifier(ModelInfo info, Classifier network, LinearHead head, boolean flip) {
        this.info = info;
        this.network = network;
        this.features = network.unwrap(FeatureExtractor.class).orElseThrow(() -> new IncompatibleModelException(
                "the hybrid's network '" + network.info().providerId() + "' offers no FeatureExtractor"));
        if (features.featureCount() != head.featureCount()) {
            throw new IncompatibleModelException("the hybrid's head reads " + head.featureCount() + " features, its network '"
                    + network.info().providerId() + "' gives " + features.featureCount());
        }
        this.head = head;
        this.flip = flip;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        float[][] f = features.features(nchw);
        float[][] mirrored = flip ? features.features(Layer.FlipHorizontal.apply(nchw)) : null;
        float[][] out = new float[f.length][];
        for (int i = 0; i < f.length; i++) {
            out[i] = head.probabilities(f[i]);
            if (flip) {
                float[] m = head.probabilities(mirrored[i]);
                for (int c = 0; c < m.length; c++) {
                    out[i][c] = (float) (((double) out[i][c] + m[c]) / 2);
                }
            }
        }
        return out;
    }

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        ModelBundle.writeNested(sink, HybridProvider.NETWORK_ENTRY, network);
        sink.write(HybridProvider.HEAD_ENTRY, head.toBytes());
    }

    /**
     * {@link NetworkExportable} when the network offers it and its description has a node named after the feature
     * layer: that description, then Flatten, Standardize and the head as Dense.
     */
    @Override
    public <T> Optional<T> unwrap(Class<T> capability) {
        if (capability == NetworkExportable.class) {
            Optional<NetworkExportable> inner = network.unwrap(NetworkExportable.class)
                    .filter(n -> hasNode(n.describeNetwork(), features.featureLayer()));
            return inner.map(n -> capability.cast((NetworkExportable) () -> describe(n.describeNetwork())));
        }
        return Classifier.super.unwrap(capability);
    }

    private static boolean hasNode(NetworkDescription d, String name) {
        return d.nodes().stream().anyMatch(n -> n.name().equals(name));
    }

    /**
     * The network's nodes, then Flatten, Standardize and Dense on its feature layer; with flips also the network again
     * on the mirrored image (node names prefixed {@value #MIRROR}) with its own head copy, and a vote of the two.
     */
    private NetworkDescription describe(NetworkDescription net) {
        List<NetworkNode> nodes = new ArrayList<>(net.nodes());
        String logits = head(nodes, "", features.featureLayer());
        if (flip) {
            nodes.add(NetworkNode.of(FLIP, new Layer.FlipHorizontal(), NetworkDescription.INPUT));
            for (NetworkNode node : net.nodes()) {
                List<String> inputs = node.inputs().stream()
                        .map(in -> in.equals(NetworkDescription.INPUT) ? FLIP : MIRROR + in).toList();
                nodes.add(new NetworkNode(MIRROR + node.name(), node.layer(), inputs));
            }
            String mirrored = head(nodes, MIRROR, MIRROR + features.featureLayer());
            nodes.add(new NetworkNode(VOTE, new Layer.ProbabilityAverage(new float[] {1f, 1f}), List.of(logits, mirrored)));
            logits = VOTE;
        }
        return new NetworkDescription(info.providerId() + "(" + net.name() + ")", nodes, logits);
    }

    /** Adds the head on {@code featureNode} under {@code prefix}; returns its logits node. */
    private String head(List<NetworkNode> nodes, String prefix, String featureNode) {
        nodes.add(NetworkNode.of(prefix + FLATTEN, new Layer.Flatten(), featureNode));
        nodes.add(NetworkNode.of(prefix + STANDARDIZE, new Layer.Standardize(floats(head.mean()), floats(head.std())),
                prefix + FLATTEN));
        nodes.add(NetworkNode.of(prefix + LOGITS, new Layer.Dense(head.featureCount(), FashionClass.COUNT,
                floats(head.weights()), floats(head.bias())), prefix + STANDARDIZE));
        return prefix + LOGITS;
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    @Override
    public void close() {
        network.close();
    }

    @Override
    public String toString() {
        return "hybrid on " + network.info().providerId() + " features (" + features.featureLayer() + ", "
                + head.featureCount() + ")";
    }
}
