package io.github.fmnist.api.network;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A trained network described without any framework types: a graph of {@link NetworkNode}s in
 * topological order, fed by a {@code [N, 1, 28, 28]} tensor of pixels scaled to [0, 1] and ending in the
 * ten pre-softmax class scores (logits). Exporters append the softmax themselves.
 *
 * <pre>{@code
 * NetworkDescription d = new NetworkDescription("tiny", List.of(
 *         NetworkNode.of("flatten", new Layer.Flatten(), NetworkDescription.INPUT),
 *         NetworkNode.of("dense", new Layer.Dense(784, 10, w, b), "flatten")), "dense");
 * }</pre>
 *
 * @param name   a label for the network (e.g. the provider id)
 * @param nodes  operations in topological order
 * @param logits name of the node producing the {@code [N, 10]} logits
 */
public record NetworkDescription(String name, List<NetworkNode> nodes, String logits) {
    /** The name by which nodes refer to the input image tensor. */
    public static final String INPUT = "image";

    public NetworkDescription {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        Set<String> known = new HashSet<>();
        known.add(INPUT);
        for (NetworkNode node : nodes) {
            for (String input : node.inputs()) {
                if (!known.contains(input)) {
                    throw new IllegalArgumentException("node '" + node.name() + "' reads '" + input
                            + "', which is not the input or an earlier node");
                }
            }
            if (!known.add(node.name())) {
                throw new IllegalArgumentException("node name '" + node.name() + "' is used twice");
            }
        }
        if (!known.contains(logits) || INPUT.equals(logits)) {
            throw new IllegalArgumentException("logits node '" + logits + "' is not a node of the network");
        }
    }
}
