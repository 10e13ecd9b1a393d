package io.github.fmnist.api.network;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.UnsupportedFeatureException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link NetworkDescription} with every node the logits depend on checked against the shapes of its
 * inputs, and the output shape of each. Whatever turns a description into something else (the ONNX
 * exporter, the testkit's reference evaluator) starts here, so they accept exactly the same descriptions
 * and name problems the same way. Immutable and thread-safe.
 *
 * <pre>{@code
 * CheckedNetwork checked = CheckedNetwork.of(description, "ONNX export");
 * for (NetworkNode node : checked.nodes()) {
 *     List<TensorShape> in = checked.inputShapes(node);
 *     TensorShape out = checked.shape(node.name());
 *     ...
 * }
 * }</pre>
 */
public final class CheckedNetwork {
    private final NetworkDescription description;
    private final List<NetworkNode> nodes;
    private final Map<String, TensorShape> shapes;

    private CheckedNetwork(NetworkDescription description, List<NetworkNode> nodes, Map<String, TensorShape> shapes) {
        this.description = description;
        this.nodes = nodes;
        this.shapes = shapes;
    }

    /**
     * Checks a description from its {@code [N, 1, 28, 28]} input to its logits. Nodes the logits do not
     * depend on are left out and not checked.
     *
     * @param purpose what the caller is doing, for messages ("ONNX export", "reference evaluation")
     * @throws InvalidInputException naming the network, node and layer kind if a node's inputs do not have
     *         the shapes it needs or its parameters are out of range, or if the logits are not {@code [N, 10]}
     * @throws UnsupportedFeatureException naming the network, node and layer kind if the layer has no single
     *         defined result, such as negative padding or pooling padding as large as the window
     */
    public static CheckedNetwork of(NetworkDescription description, String purpose) {
        String context = purpose + " of network '" + description.name() + "'";
        Set<String> needed = ancestorsOfLogits(description);
        Map<String, TensorShape> shapes = new HashMap<>();
        shapes.put(NetworkDescription.INPUT, TensorShape.image(1, Image.SIDE, Image.SIDE));
        List<NetworkNode> nodes = new ArrayList<>();
        for (NetworkNode node : description.nodes()) {
            if (needed.contains(node.name())) {
                List<TensorShape> inputs = node.inputs().stream().map(shapes::get).toList();
                shapes.put(node.name(), new ShapeRules(context, node).outputShape(inputs));
                nodes.add(node);
            }
        }
        TensorShape logits = shapes.get(description.logits());
        if (!logits.equals(TensorShape.features(FashionClass.COUNT))) {
            throw new InvalidInputException(context + ": logits node '" + description.logits() + "' produces " + logits
                    + ", expected [N, " + FashionClass.COUNT + "]");
        }
        return new CheckedNetwork(description, List.copyOf(nodes), Map.copyOf(shapes));
    }

    /** The description that was checked. */
    public NetworkDescription description() {
        return description;
    }

    /** The nodes the logits depend on, in the description's topological order. */
    public List<NetworkNode> nodes() {
        return nodes;
    }

    /**
     * The output shape of a node, or of {@link NetworkDescription#INPUT}.
     *
     * @throws IllegalArgumentException if the name is not the input or one of {@link #nodes()}
     */
    public TensorShape shape(String name) {
        TensorShape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("'" + name + "' is not the input or a node the logits of network '"
                    + description.name() + "' depend on");
        }
        return shape;
    }

    /** The shapes of a node's inputs, in the order it lists them. */
    public List<TensorShape> inputShapes(NetworkNode node) {
        return node.inputs().stream().map(this::shape).toList();
    }

    private static Set<String> ancestorsOfLogits(NetworkDescription description) {
        Map<String, NetworkNode> byName = new HashMap<>();
        description.nodes().forEach(n -> byName.put(n.name(), n));
        Set<String> needed = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(description.logits()));
        while (!todo.isEmpty()) {
            NetworkNode node = byName.get(todo.pop());
            if (node != null && needed.add(node.name())) {
                todo.addAll(node.inputs());
            }
        }
        return needed;
    }
}
