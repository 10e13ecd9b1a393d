package io.github.fmnist.api.capability;

import io.github.fmnist.api.network.NetworkDescription;

/**
 * Capability of a classifier whose prediction is a feed-forward network that can be described layer by
 * layer (for ONNX export). The description's softmax of the logits must equal the classifier's
 * probabilities up to float rounding.
 *
 * <pre>{@code
 * classifier.unwrap(NetworkExportable.class)
 *         .map(NetworkExportable::describeNetwork)
 *         .ifPresent(d -> exporter.export(d, target));
 * }</pre>
 */
public interface NetworkExportable {

    /**
     * The network with its trained weights.
     *
     * @throws io.github.fmnist.api.UnsupportedFeatureException naming the layer if a part cannot be described
     */
    NetworkDescription describeNetwork();
}
