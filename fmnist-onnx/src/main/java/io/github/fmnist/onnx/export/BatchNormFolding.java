package io.github.fmnist.onnx.export;

import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges each inference-mode BatchNorm into the convolution that feeds it, when nothing else reads the
 * convolution's output: {@code W'[o] = W[o]·s[o]}, {@code b'[o] = (b[o] − mean[o])·s[o] + β[o]} with
 * {@code s = γ / √(variance + ε)}, computed in double. The merged convolution takes the BatchNorm's name, so
 * every node reading it is unchanged. A BatchNorm after anything else (a ReLU, a pooling) is left as it is:
 * folding it into the next convolution instead would be wrong at zero-padded borders.
 */
final class BatchNormFolding {
    private BatchNormFolding() {
    }

    static NetworkDescription fold(NetworkDescription network) {
        Map<String, Integer> readers = new HashMap<>();
        for (NetworkNode node : network.nodes()) {
            node.inputs().forEach(in -> readers.merge(in, 1, Integer::sum));
        }
        Map<String, NetworkNode> byName = new HashMap<>();
        network.nodes().forEach(n -> byName.put(n.name(), n));
        Map<String, NetworkNode> foldedAt = new HashMap<>(); // convolution name -> merged node replacing it
        List<String> absorbed = new ArrayList<>();
        for (NetworkNode node : network.nodes()) {
            if (node.layer() instanceof Layer.BatchNorm bn && byName.get(node.inputs().getFirst()) instanceof NetworkNode producer
                    && producer.layer() instanceof Layer.Convolution conv && conv.outChannels() == bn.channels()
                    && readers.get(producer.name()) == 1
                    && !producer.name().equals(network.logits())) {
                foldedAt.put(producer.name(), new NetworkNode(node.name(), merge(conv, bn), producer.inputs()));
                absorbed.add(node.name());
            }
        }
        if (foldedAt.isEmpty()) {
            return network;
        }
        List<NetworkNode> nodes = new ArrayList<>();
        for (NetworkNode node : network.nodes()) {
            if (foldedAt.containsKey(node.name())) {
                nodes.add(foldedAt.get(node.name()));
            } else if (!absorbed.contains(node.name())) {
                nodes.add(node);
            }
        }
        return new NetworkDescription(network.name(), nodes, network.logits());
    }

    static Layer.Convolution merge(Layer.Convolution conv, Layer.BatchNorm bn) {
        float[] weights = conv.weights();
        float[] bias = conv.bias();
        float[] gamma = bn.gamma();
        float[] beta = bn.beta();
        float[] mean = bn.mean();
        float[] variance = bn.variance();
        int perChannel = weights.length / conv.outChannels();
        for (int o = 0; o < conv.outChannels(); o++) {
            double s = gamma[o] / Math.sqrt(variance[o] + bn.epsilon());
            for (int i = o * perChannel; i < (o + 1) * perChannel; i++) {
                weights[i] = (float) (weights[i] * s);
            }
            bias[o] = (float) ((bias[o] - (double) mean[o]) * s + beta[o]);
        }
        return new Layer.Convolution(conv.inChannels(), conv.outChannels(), conv.kernelHeight(), conv.kernelWidth(),
                conv.strideHeight(), conv.strideWidth(), conv.padding(), weights, bias);
    }
}
