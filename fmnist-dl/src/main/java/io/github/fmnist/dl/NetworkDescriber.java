package io.github.fmnist.dl;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a trained DL4J graph into a framework-neutral {@link NetworkDescription}. Each DL4J vertex becomes the
 * node of the same name, whose output equals the vertex's activations; where a DL4J layer also applies an
 * activation function, the linear part comes first as {@code NAME.linear}. The softmax of the loss layer is left
 * out: the description ends at the logits.
 */
final class NetworkDescriber {
    private final ComputationGraph graph;
    private final List<NetworkNode> nodes = new ArrayList<>();

    private NetworkDescriber(ComputationGraph graph) {
        this.graph = graph;
    }

    static NetworkDescription describe(String name, ComputationGraph graph) {
        return new NetworkDescriber(graph).run(name);
    }

    private NetworkDescription run(String name) {
        Map<String, GraphVertex> vertices = graph.getConfiguration().getVertices();
        Map<String, List<String>> inputs = graph.getConfiguration().getVertexInputs();
        String logits = null;
        for (int index : graph.topologicalSortOrder()) {
            String vertexName = graph.getVertices()[index].getVertexName();
            GraphVertex vertex = vertices.get(vertexName);
            if (vertex == null) {
                continue; // the network input
            }
            List<String> in = inputs.get(vertexName);
            if (vertex instanceof ElementWiseVertex add && add.getOp() == ElementWiseVertex.Op.Add) {
                nodes.add(new NetworkNode(vertexName, new Layer.Add(), in));
            } else if (vertex instanceof LayerVertex layerVertex) {
                if (layerVertex.getLayerConf().getLayer() instanceof LossLayer loss) {
                    requireSoftmax(vertexName, loss.getActivationFn());
                    logits = in.get(0);
                    continue;
                }
                layer(vertexName, layerVertex, single(vertexName, in));
            } else {
                throw new UnsupportedFeatureException("network '" + name + "': vertex '" + vertexName + "' of type "
                        + vertex.getClass().getSimpleName() + " cannot be described");
            }
        }
        if (logits == null) {
            throw new UnsupportedFeatureException("network '" + name + "' has no softmax loss layer to end at");
        }
        return new NetworkDescription(name, nodes, logits);
    }

    private void layer(String name, LayerVertex vertex, String input) {
        InputPreProcessor pre = vertex.getPreProcessor();
        if (pre instanceof CnnToFeedForwardPreProcessor) {
            input = add(name + ".flatten", new Layer.Flatten(), input);
        } else if (pre != null) {
            throw new UnsupportedFeatureException("layer '" + name + "': input preprocessor " + pre.getClass().getSimpleName()
                    + " cannot be described");
        }
        org.deeplearning4j.nn.conf.layers.Layer conf = vertex.getLayerConf().getLayer();
        IDropout dropout = conf.getIDropout();
        if (dropout != null && !(conf instanceof DropoutLayer)) {
            input = add(name + ".dropout", new Layer.Dropout(dropRate(name, dropout)), input);
        }
        switch (conf) {
            case ConvolutionLayer c -> linearThenActivation(name, convolution(name, c), c.getActivationFn(), input);
            case DenseLayer d -> linearThenActivation(name, dense(name, d), d.getActivationFn(), input);
            case BatchNormalization b -> add(name, batchNorm(name, b), input); // DL4J ignores a BatchNorm layer's activation
            case ActivationLayer a -> add(name, activation(name, a.getActivationFn()), input);
            case DropoutLayer d -> add(name, new Layer.Dropout(dropRate(name, d.getIDropout())), input);
            case SubsamplingLayer s when s.getPoolingType() == PoolingType.MAX -> add(name, maxPool(name, s), input);
            case GlobalPoolingLayer p when p.getPoolingType() == PoolingType.AVG && p.isCollapseDimensions() ->
                    add(name, new Layer.Flatten(), add(name + ".pool", new Layer.GlobalAveragePool(), input));
            default -> throw new UnsupportedFeatureException("layer '" + name + "' of type " + conf.getClass().getSimpleName()
                    + " cannot be described");
        }
    }

    private void linearThenActivation(String name, Layer linear, IActivation activation, String input) {
        if (activation == null || activation instanceof ActivationIdentity) {
            add(name, linear, input);
        } else {
            add(name, activation(name, activation), add(name + ".linear", linear, input));
        }
    }

    private String add(String name, Layer layer, String input) {
        nodes.add(NetworkNode.of(name, layer, input));
        return name;
    }

    private Layer.Convolution convolution(String name, ConvolutionLayer c) {
        if (c.getDilation()[0] != 1 || c.getDilation()[1] != 1) {
            throw new UnsupportedFeatureException("convolution '" + name + "': dilation is not supported");
        }
        int[] kernel = c.getKernelSize();
        int[] stride = c.getStride();
        Layer.Padding padding = padding(name, c.getConvolutionMode(), kernel, stride, c.getPadding());
        float[] bias = c.hasBias() ? floats(name, "b") : new float[(int) c.getNOut()];
        return new Layer.Convolution((int) c.getNIn(), (int) c.getNOut(), kernel[0], kernel[1], stride[0], stride[1],
                padding, floats(name, "W"), bias);
    }

    private Layer.MaxPool maxPool(String name, SubsamplingLayer s) {
        int[] kernel = s.getKernelSize();
        int[] stride = s.getStride();
        return new Layer.MaxPool(kernel[0], kernel[1], stride[0], stride[1],
                padding(name, s.getConvolutionMode(), kernel, stride, s.getPadding()));
    }

    private Layer.Dense dense(String name, DenseLayer d) {
        float[] bias = d.hasBias() ? floats(name, "b") : new float[(int) d.getNOut()];
        return new Layer.Dense((int) d.getNIn(), (int) d.getNOut(), floats(name, "W"), bias);
    }

    private Layer.BatchNorm batchNorm(String name, BatchNormalization b) {
        if (b.isLockGammaBeta()) {
            throw new UnsupportedFeatureException("batch normalisation '" + name + "': locked gamma/beta is not supported");
        }
        float[] mean = floats(name, "mean");
        float[] variance = RunningBatchNorm.variance(graph.getLayer(name)).castTo(DataType.FLOAT).toFloatVector();
        return new Layer.BatchNorm(mean.length, floats(name, "gamma"), floats(name, "beta"), mean, variance, b.getEps());
    }

    private static Layer.Padding padding(String name, ConvolutionMode mode, int[] kernel, int[] stride, int[] pad) {
        if (mode == ConvolutionMode.Same) {
            if (stride[0] != 1 || stride[1] != 1) {
                throw new UnsupportedFeatureException("layer '" + name + "': 'same' padding is only supported with stride 1");
            }
            int vertical = kernel[0] - 1;
            int horizontal = kernel[1] - 1;
            return new Layer.Padding(vertical / 2, horizontal / 2, vertical - vertical / 2, horizontal - horizontal / 2);
        }
        if (mode != ConvolutionMode.Truncate && mode != ConvolutionMode.Strict) {
            throw new UnsupportedFeatureException("layer '" + name + "': convolution mode " + mode + " is not supported");
        }
        return new Layer.Padding(pad[0], pad[1], pad[0], pad[1]);
    }

    private static Layer activation(String name, IActivation function) {
        Layer.ActivationFunction f = switch (function) {
            case ActivationReLU r -> Layer.ActivationFunction.RELU;
            case ActivationSigmoid s -> Layer.ActivationFunction.SIGMOID;
            case ActivationTanH t -> Layer.ActivationFunction.TANH;
            case ActivationIdentity i -> Layer.ActivationFunction.IDENTITY;
            default -> throw new UnsupportedFeatureException("layer '" + name + "': activation " + function + " cannot be described");
        };
        return new Layer.Activation(f);
    }

    private static void requireSoftmax(String name, IActivation activation) {
        if (!(activation instanceof ActivationSoftmax)) {
            throw new UnsupportedFeatureException("loss layer '" + name + "' must apply softmax, found " + activation);
        }
    }

    private static double dropRate(String name, IDropout dropout) {
        if (dropout instanceof Dropout d && d.getPSchedule() == null) {
            return 1 - d.getP(); // DL4J stores the probability to retain
        }
        throw new UnsupportedFeatureException("layer '" + name + "': dropout " + dropout + " cannot be described");
    }

    private static String single(String name, List<String> inputs) {
        if (inputs.size() != 1) {
            throw new UnsupportedFeatureException("layer '" + name + "' has " + inputs.size() + " inputs; expected one");
        }
        return inputs.get(0);
    }

    /** A parameter in row-major order: OIHW for convolutions, [nIn, nOut] for dense layers. */
    private float[] floats(String layer, String param) {
        INDArray value = graph.getLayer(layer).getParam(param);
        if (value == null) {
            throw new UnsupportedFeatureException("layer '" + layer + "' has no parameter '" + param + "'");
        }
        return Nd4j.toFlattened('c', value).castTo(DataType.FLOAT).toFloatVector();
    }
}
