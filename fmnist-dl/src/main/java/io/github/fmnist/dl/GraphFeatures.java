package io.github.fmnist.dl;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.capability.FeatureExtractor;
import io.github.fmnist.api.model.Classifier;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The embedding a DL4J graph feeds its {@value Architecture#LOGITS} layer: the output of the one vertex that layer
 * reads (cnn: {@code dropout}, the identity at inference, so the 128 ReLU units of {@code dense}; resnet:
 * {@code gap}, one mean per channel of the last stage), computed in inference mode on a network copy borrowed
 * from the classifier's {@link GraphPool}, so concurrent calls are safe.
 */
final class GraphFeatures implements FeatureExtractor {
    private static final int CHUNK = 256;

    private final GraphPool pool;
    private final String layer;
    private final int count;

    GraphFeatures(ComputationGraph network, GraphPool pool) {
        this.pool = pool;
        synchronized (network) {
            List<String> inputs = network.getConfiguration().getVertexInputs().get(Architecture.LOGITS);
            if (inputs == null || inputs.size() != 1) {
                throw new IllegalStateException("the logits layer of this network reads " + inputs + ", not one vertex");
            }
            this.layer = inputs.getFirst();
            this.count = (int) network.getLayer(Architecture.LOGITS).getParam("W").size(0);
        }
    }

    @Override
    public int featureCount() {
        return count;
    }

    @Override
    public String featureLayer() {
        return layer;
    }

    @Override
    public float[][] features(float[] nchw) {
        int n = Classifier.imageCount(nchw);
        float[][] out = new float[n][];
        return pool.apply(copy -> {
            for (int from = 0; from < n; from += CHUNK) {
                int size = Math.min(CHUNK, n - from);
                float[] chunk = Arrays.copyOfRange(nchw, from * Image.PIXELS, (from + size) * Image.PIXELS);
                System.arraycopy(chunkFeatures(copy, chunk, size), 0, out, from, size);
            }
            return out;
        });
    }

    private float[][] chunkFeatures(ComputationGraph graph, float[] chunk, int size) {
        // Only the feature layer's activations leave DL4J's workspaces (feedForward would detach every layer's).
        try (INDArray input = Nd4j.create(chunk, new long[] {size, 1, Image.SIDE, Image.SIDE}, 'c');
             INDArray features = graph.output(List.of(layer), false, new INDArray[] {input}, null)[0]) {
            return features.reshape('c', size, count).toFloatMatrix();
        }
    }
}
