package io.github.fmnist.testkit;

import static io.github.fmnist.testkit.LayerKernels.toDouble;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.network.CheckedNetwork;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.api.network.TensorShape;
import java.util.List;

/**
 * Turns one node of a {@link CheckedNetwork} into its arithmetic, converting the weights to double once.
 * The shapes were checked by {@link CheckedNetwork}, the same checks the ONNX exporter relies on, so a
 * description the reference accepts is one the exporter accepts too.
 */
final class LayerCompiler {
    private final CheckedNetwork network;

    LayerCompiler(CheckedNetwork network) {
        this.network = network;
    }

    /** What one node computes for one image. */
    @FunctionalInterface
    interface Operation {
        double[] apply(List<double[]> inputs);
    }

    Operation compile(NetworkNode node) {
        Layer layer = node.layer();
        TensorShape in = network.inputShapes(node).getFirst();
        TensorShape out = network.shape(node.name());
        try {
            return switch (layer) {
                case Layer.Convolution c -> convolution(c, in, out);
                case Layer.MaxPool p -> pool(new LayerKernels.Window(p.kernelHeight(), p.kernelWidth(),
                        p.strideHeight(), p.strideWidth(), p.padding()), true, in, out);
                case Layer.AveragePool p -> pool(new LayerKernels.Window(p.kernelHeight(), p.kernelWidth(),
                        p.strideHeight(), p.strideWidth(), p.padding()), false, in, out);
                case Layer.GlobalAveragePool g -> x -> LayerKernels.globalAveragePool(in, x.getFirst());
                case Layer.BatchNorm b -> batchNorm(b, in);
                case Layer.Add a -> LayerKernels::add;
                case Layer.Flatten f -> List::getFirst;
                case Layer.Dense d -> dense(d);
                case Layer.Activation a -> x -> LayerKernels.activation(a.function(), x.getFirst());
                case Layer.Dropout d -> List::getFirst;
                case Layer.Standardize s -> standardize(s);
                case Layer.FlipHorizontal f -> x -> LayerKernels.flipHorizontal(in, x.getFirst());
                case Layer.ProbabilityAverage p -> probabilityAverage(p);
            };
        } catch (MatchException e) {
            // Only reachable when running against a newer api that added a layer kind after this testkit was built.
            throw new UnsupportedFeatureException("reference evaluation of network '" + network.description().name()
                    + "': node '" + node.name() + "': this fmnist-testkit does not know the layer kind "
                    + layer.getClass().getName() + "; use the testkit of the same version as fmnist-api");
        }
    }

    private static Operation convolution(Layer.Convolution c, TensorShape in, TensorShape out) {
        LayerKernels.Convolution kernel = new LayerKernels.Convolution(c.inChannels(), c.outChannels(), c.kernelHeight(),
                c.kernelWidth(), c.strideHeight(), c.strideWidth(), c.padding(), toDouble(c.weights()), toDouble(c.bias()));
        return x -> LayerKernels.convolution(kernel, in, out, x.getFirst());
    }

    private static Operation pool(LayerKernels.Window window, boolean max, TensorShape in, TensorShape out) {
        return x -> LayerKernels.pool(window, max, in, out, x.getFirst());
    }

    private static Operation batchNorm(Layer.BatchNorm b, TensorShape in) {
        float[] gamma = b.gamma();
        float[] variance = b.variance();
        double[] scale = new double[b.channels()];
        for (int ch = 0; ch < scale.length; ch++) {
            scale[ch] = gamma[ch] / Math.sqrt(variance[ch] + b.epsilon());
        }
        double[] shift = toDouble(b.beta());
        double[] mean = toDouble(b.mean());
        return x -> LayerKernels.batchNorm(scale, shift, mean, in, x.getFirst());
    }

    private static Operation dense(Layer.Dense d) {
        // [N, C, 1, 1] input has the same memory layout as [N, C] features.
        double[] weights = toDouble(d.weights());
        double[] bias = toDouble(d.bias());
        return x -> LayerKernels.dense(weights, bias, x.getFirst());
    }

    private static Operation probabilityAverage(Layer.ProbabilityAverage p) {
        double[] weights = p.normalizedWeights();
        return x -> LayerKernels.logOfWeightedMeanSoftmax(weights, x);
    }

    private static Operation standardize(Layer.Standardize s) {
        double[] mean = toDouble(s.mean());
        double[] std = toDouble(s.std());
        return x -> LayerKernels.standardize(mean, std, x.getFirst());
    }
}
