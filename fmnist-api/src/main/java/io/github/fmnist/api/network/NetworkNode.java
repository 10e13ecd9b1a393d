package io.github.fmnist.api.network;

import java.util.List;
import java.util.Objects;

/**
 * One operation in a network graph.
 *
 * @param name   unique name; other nodes refer to it
 * @param layer  the operation and its weights
 * @param inputs names of the nodes it consumes, or {@link NetworkDescription#INPUT} for the image
 */
public record NetworkNode(String name, Layer layer, List<String> inputs) {
    public NetworkNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("node '" + name + "' has no inputs");
        }
    }

    /** A node with a single input. */
    public static NetworkNode of(String name, Layer layer, String input) {
        return new NetworkNode(name, layer, List.of(input));
    }
}
