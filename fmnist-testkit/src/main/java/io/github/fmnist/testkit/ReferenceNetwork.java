package io.github.fmnist.testkit;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.network.CheckedNetwork;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference meaning of a {@link NetworkDescription}: a plain-Java forward pass in double precision,
 * written straight from the definitions in {@link io.github.fmnist.api.network.Layer}, for checking what a
 * plugin's {@code NetworkExportable} description or an exporter computes. Every layer kind of the api is
 * evaluated, with the conventions the ONNX exporter uses: NCHW tensors, convolution padding of zeros,
 * padding ignored by max and average pooling, output sizes rounded down, {@code Flatten} in C, H, W order,
 * a dense layer accepting {@code [N, C, 1, 1]} input as {@code C} features, inference-mode batch
 * normalisation {@code γ (x − mean) / √(variance + ε) + β} over the first dimension, dropout as the identity.
 * Only the nodes the logits depend on are checked and run.
 *
 * <pre>{@code
 * NetworkDescription d = classifier.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
 * double[][] p = ReferenceNetwork.of(d).probabilities(image.toNormalized());
 * }</pre>
 *
 * Slow by design (loops, no vectorisation): meant for tests on a few images. Immutable and thread-safe.
 */
public final class ReferenceNetwork {
    private final NetworkDescription description;
    private final List<NetworkNode> nodes;
    private final List<LayerCompiler.Operation> operations;

    private ReferenceNetwork(NetworkDescription description, List<NetworkNode> nodes, List<LayerCompiler.Operation> operations) {
        this.description = description;
        this.nodes = nodes;
        this.operations = operations;
    }

    /**
     * Checks the description and prepares it for evaluation.
     *
     * @throws InvalidInputException naming the network, node and layer kind if a node's inputs do not have
     *         the shapes it needs, or if the logits are not {@code [N, 10]}
     * @throws io.github.fmnist.api.UnsupportedFeatureException naming the network, node and layer kind if the
     *         layer has no defined result (for example pooling padding as large as the window)
     */
    public static ReferenceNetwork of(NetworkDescription description) {
        CheckedNetwork checked = CheckedNetwork.of(description, "reference evaluation");
        LayerCompiler compiler = new LayerCompiler(checked);
        List<LayerCompiler.Operation> operations = checked.nodes().stream().map(compiler::compile).toList();
        return new ReferenceNetwork(description, checked.nodes(), operations);
    }

    /** The description this evaluates. */
    public NetworkDescription description() {
        return description;
    }

    /**
     * The logits, one row of ten per image.
     *
     * @param nchw images as normalised pixels in NCHW order ({@code n × 1 × 28 × 28} values in [0, 1]), the
     *             input of {@link Classifier#predictNormalized(float[])}
     * @throws InvalidInputException if the array is empty or not a whole number of 28×28 images
     */
    public double[][] logits(float[] nchw) {
        int n = Classifier.imageCount(nchw);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = forward(nchw, i * Image.PIXELS);
        }
        return rows;
    }

    /**
     * The softmax of the logits, one row of ten per image: what a classifier offering this description must
     * predict, up to float rounding.
     *
     * @throws InvalidInputException if the array is empty or not a whole number of 28×28 images
     */
    public double[][] probabilities(float[] nchw) {
        double[][] rows = logits(nchw);
        for (double[] row : rows) {
            softmaxInPlace(row);
        }
        return rows;
    }

    private double[] forward(float[] nchw, int offset) {
        double[] image = new double[Image.PIXELS];
        for (int p = 0; p < image.length; p++) {
            image[p] = nchw[offset + p];
        }
        Map<String, double[]> values = new HashMap<>();
        values.put(NetworkDescription.INPUT, image);
        for (int k = 0; k < operations.size(); k++) {
            NetworkNode node = nodes.get(k);
            List<double[]> inputs = node.inputs().stream().map(values::get).toList();
            values.put(node.name(), operations.get(k).apply(inputs));
        }
        return values.get(description.logits()).clone();
    }

    private static void softmaxInPlace(double[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < row.length; j++) {
            row[j] = Math.exp(row[j] - max);
            sum += row[j];
        }
        for (int j = 0; j < row.length; j++) {
            row[j] /= sum;
        }
    }
}
