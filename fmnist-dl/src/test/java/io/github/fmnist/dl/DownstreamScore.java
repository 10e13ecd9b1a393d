package io.github.fmnist.dl;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The finite-difference oracle's function: one logit of DL4J's inference-mode forward pass with a layer's output
 * replaced by a given array, every other vertex computed by DL4J as usual. Written here from DL4J's public vertex
 * API, independently of the production backward pass.
 */
final class DownstreamScore {

    private DownstreamScore() {
    }

    static double logit(ComputationGraph graph, INDArray image, String layer, INDArray layerOutput, int classIndex) {
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        graph.setInputs(image);
        Map<String, INDArray> outputs = new HashMap<>();
        try {
            for (int index : graph.topologicalSortOrder()) {
                GraphVertex vertex = graph.getVertices()[index];
                String name = vertex.getVertexName();
                if (vertex.isOutputVertex()) {
                    continue; // the loss layer: the logits are its input
                }
                INDArray out = vertex.isInputVertex() ? image
                        : name.equals(layer) ? layerOutput : vertex.doForward(false, noWorkspaces);
                outputs.put(name, out);
                for (VertexIndices consumer : vertex.getOutputVertices()) {
                    graph.getVertices()[consumer.getVertexIndex()].setInput(consumer.getVertexEdgeNumber(), out, noWorkspaces);
                }
            }
            return outputs.get(Architecture.LOGITS).getDouble(0, classIndex);
        } finally {
            graph.clearLayersStates();
            graph.clear();
        }
    }
}
