package io.github.fmnist.dl;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A DL4J batch-normalisation layer as inference uses it: {@code γ (x − mean) / √(variance + ε) + β} with the
 * running statistics, an affine map per channel. The one place that reads those statistics, for the network
 * description and for the gradients.
 */
final class RunningBatchNorm {

    private RunningBatchNorm() {
    }

    /**
     * The running variance per channel. DL4J keeps either the variance or, by default, log10 of the standard
     * deviation (without ε); the variance is then {@code (10^s)²}, computed as DL4J's own inference pass does.
     */
    static INDArray variance(Layer layer) {
        BatchNormalization conf = configuration(layer);
        if (conf.isUseLogStd()) {
            INDArray log10Std = layer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            INDArray std = Transforms.pow(Nd4j.valueArrayOf(log10Std.shape(), 10.0, log10Std.dataType()), log10Std, false);
            return std.muli(std).reshape(std.length());
        }
        return layer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).dup().reshape(conf.getNOut());
    }

    /** ∂output / ∂input per channel in inference mode: {@code γ / √(variance + ε)}. */
    static INDArray inputScale(Layer layer) {
        BatchNormalization conf = configuration(layer);
        INDArray std = Transforms.sqrt(variance(layer).addi(conf.getEps()), false);
        INDArray gamma = conf.isLockGammaBeta()
                ? Nd4j.valueArrayOf(std.shape(), conf.getGamma(), std.dataType())
                : layer.getParam(BatchNormalizationParamInitializer.GAMMA).dup().reshape(std.length());
        return gamma.divi(std);
    }

    static BatchNormalization configuration(Layer layer) {
        return (BatchNormalization) layer.conf().getLayer();
    }
}
