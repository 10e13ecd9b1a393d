package io.github.fmnist.dl;

import io.github.fmnist.api.UnsupportedFeatureException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's activations for a batch of images and the gradient of each image's target score (a logit) with
 * respect to them, computed by Deeplearning4j's own layers in inference mode: every vertex up to the logits runs
 * forward ({@code doForward(training = false)}), then DL4J back-propagates ({@code doBackward}) through the
 * vertices between the layer and the logits only, from a one-hot error per image.
 *
 * <p>Two layers are differentiated here instead, because DL4J's backward pass assumes a training-mode forward
 * pass: dropout is the identity, and batch normalisation is the per-channel scale {@code γ/√(variance + ε)} of its
 * running statistics. DL4J's own BatchNorm derivative is the training-mode one: with the oneDNN helper it fails
 * outright after an inference forward pass (the helper caches the batch variance only in training), without it
 * it uses the batch's statistics, which would make every image's gradient depend on the others in the batch. A layer that applies dropout or weight noise to its input is refused.
 *
 * <p>Runs on a graph the caller owns for the duration of the call (it sets the graph's inputs and layer states,
 * and clears them afterwards); the graph's parameters are only read.
 */
final class InferenceGradients {

    /**
     * @param activations the layer's output, {@code [n, channels, height, width]}
     * @param gradients   ∂(logit of image i's target) / ∂activations, same shape
     * @param logits      the pre-softmax scores, {@code [n, 10]}
     */
    record Result(INDArray activations, INDArray gradients, INDArray logits) {
    }

    private final ComputationGraph graph;
    private final GraphVertex[] vertices;
    private final int[] order;
    private final LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();

    private InferenceGradients(ComputationGraph graph) {
        this.graph = graph;
        this.vertices = graph.getVertices();
        this.order = graph.topologicalSortOrder();
    }

    /**
     * @param input   images, {@code [n, 1, 28, 28]} in the graph's data type
     * @param layer   the vertex whose output is differentiated
     * @param logits  the vertex holding the pre-softmax scores
     * @param targets the class index whose score is differentiated, per image
     */
    static Result compute(ComputationGraph graph, INDArray input, String layer, String logits, int[] targets) {
        return new InferenceGradients(graph).run(input, graph.getVertex(layer).getVertexIndex(),
                graph.getVertex(logits).getVertexIndex(), targets);
    }

    private Result run(INDArray input, int layer, int logits, int[] targets) {
        boolean[] feedsLogits = feeders(logits);
        boolean[] fedByLayer = fedBy(layer);
        if (graph.getGradientsViewArray() == null) {
            graph.initGradientsView(); // DL4J's layers write their parameter gradients there during backprop
        }
        graph.setInputs(input); // preprocessors read the batch size from the graph
        try {
            INDArray[] outputs = forward(input, feedsLogits);
            INDArray[] errors = new INDArray[vertices.length];
            errors[logits] = oneHot(outputs[logits], targets);
            for (int k = order.length - 1; k >= 0 && order[k] != layer; k--) {
                int v = order[k];
                if (errors[v] != null && fedByLayer[v] && feedsLogits[v]) {
                    propagate(vertices[v], errors[v], fedByLayer, errors);
                }
            }
            INDArray gradients = errors[layer] != null ? errors[layer] : outputs[layer].like().assign(0);
            return new Result(outputs[layer], gradients, outputs[logits]);
        } finally {
            graph.clearLayersStates();
            graph.clear();
        }
    }

    /** The outputs of every vertex the logits depend on, indexed like the graph's vertices. */
    private INDArray[] forward(INDArray input, boolean[] needed) {
        INDArray[] outputs = new INDArray[vertices.length];
        for (int v : order) {
            if (!needed[v]) {
                continue;
            }
            GraphVertex vertex = vertices[v];
            INDArray out = vertex.isInputVertex() ? input : vertex.doForward(false, workspaces);
            outputs[v] = out;
            VertexIndices[] consumers = vertex.getOutputVertices();
            if (consumers != null) {
                for (VertexIndices c : consumers) {
                    if (needed[c.getVertexIndex()]) {
                        vertices[c.getVertexIndex()].setInput(c.getVertexEdgeNumber(), out, workspaces);
                    }
                }
            }
        }
        return outputs;
    }

    /** Adds the error of {@code vertex}'s output, carried back to its inputs, to the inputs fed by the layer. */
    private void propagate(GraphVertex vertex, INDArray error, boolean[] fedByLayer, INDArray[] errors) {
        INDArray[] inputErrors = backward(vertex, error);
        VertexIndices[] producers = vertex.getInputVertices();
        for (int i = 0; i < producers.length; i++) {
            int p = producers[i].getVertexIndex();
            if (fedByLayer[p]) {
                errors[p] = errors[p] == null ? inputErrors[i] : errors[p].add(inputErrors[i]);
            }
        }
    }

    private INDArray[] backward(GraphVertex vertex, INDArray error) {
        if (vertex.hasLayer()) {
            Layer layer = vertex.getLayer();
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            if (conf instanceof DropoutLayer) {
                return new INDArray[] {preprocessorBackward(vertex, error)};
            }
            if (conf.getIDropout() != null || conf instanceof BaseLayer b && b.getWeightNoise() != null) {
                throw new UnsupportedFeatureException("layer '" + vertex.getVertexName() + "' applies dropout or "
                        + "weight noise, which DL4J's backward pass only undoes after a training-mode forward pass");
            }
            if (conf instanceof BatchNormalization bn) {
                return new INDArray[] {preprocessorBackward(vertex, batchNormBackward(layer, bn, error))};
            }
        }
        vertex.setEpsilon(error);
        return vertex.doBackward(false, workspaces).getSecond();
    }

    private static INDArray batchNormBackward(Layer layer, BatchNormalization conf, INDArray error) {
        INDArray scale = RunningBatchNorm.inputScale(layer).castTo(error.dataType());
        int channelDimension = error.rank() == 4 && conf.getCnn2DFormat() == CNN2DFormat.NHWC ? 3 : 1;
        INDArray out = error.ulike();
        Nd4j.getExecutioner().exec(new BroadcastMulOp(error, scale, out, channelDimension));
        return out;
    }

    private INDArray preprocessorBackward(GraphVertex vertex, INDArray error) {
        InputPreProcessor pre = vertex instanceof LayerVertex lv ? lv.getLayerPreProcessor() : null;
        return pre == null ? error : pre.backprop(error, graph.batchSize(), workspaces);
    }

    private static INDArray oneHot(INDArray logits, int[] targets) {
        INDArray seed = logits.ulike().assign(0);
        for (int i = 0; i < targets.length; i++) {
            seed.putScalar(i, targets[i], 1.0);
        }
        return seed;
    }

    /** Which vertices {@code sink}'s output depends on, {@code sink} included. */
    private boolean[] feeders(int sink) {
        boolean[] marked = new boolean[vertices.length];
        marked[sink] = true;
        for (int k = order.length - 1; k >= 0; k--) {
            int v = order[k];
            if (marked[v] && vertices[v].getInputVertices() != null) {
                for (VertexIndices in : vertices[v].getInputVertices()) {
                    marked[in.getVertexIndex()] = true;
                }
            }
        }
        return marked;
    }

    /** Which vertices depend on {@code source}'s output, {@code source} included. */
    private boolean[] fedBy(int source) {
        boolean[] marked = new boolean[vertices.length];
        marked[source] = true;
        for (int v : order) {
            if (marked[v] && vertices[v].getOutputVertices() != null) {
                for (VertexIndices out : vertices[v].getOutputVertices()) {
                    marked[out.getVertexIndex()] = true;
                }
            }
        }
        return marked;
    }
}
