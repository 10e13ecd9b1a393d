package io.github.fmnist.dl;

import java.lang.reflect.Field;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch normalisation for training with the batch statistics and the backward pass computed another way than DL4J's
 * oneDNN helper (M2.1). That helper reduces an NCHW activation over the strided axes (N, H, W) with libnd4j's generic
 * summary-statistics kernel (21 % of the default cnn's training CPU), and its {@code batchnorm_bp} adds the mean and
 * variance terms to oneDNN's gradient with generic broadcasts (a quarter). Here {@link RowStatistics} and
 * {@link RowBatchNormBackward} read the activation as rows of H·W contiguous values, one per (image, channel), and
 * sum in double precision; the forward normalisation is the same oneDNN {@code batchnorm} op DL4J's helper calls.
 *
 * <p>The result is deterministic, but its low bits differ from DL4J's reduction order, so a network trained with
 * this helper is not bit-identical to one trained before it. Inference (running statistics) is unchanged.
 * One instance per layer, used by one thread, as DL4J's helpers are.
 */
final class RowwiseBatchNormHelper implements BatchNormalizationHelper {
    private static final Logger LOG = LoggerFactory.getLogger(RowwiseBatchNormHelper.class);
    private static final int NCHW_CHANNEL_AXIS = 1;

    private INDArray meanCache;
    private INDArray varCache;
    private float[] batchMeans;
    private float[] batchVariances;
    private RowBatchNormBackward backward;

    /**
     * Puts a new helper of this kind on every BatchNorm layer of {@code graph} that has DL4J's oneDNN helper (none
     * when oneDNN is off). DL4J M2.1 hard-codes its helper class, so the layer's package-private field is set by
     * reflection; if that is refused, the layers keep DL4J's helper (same results up to low bits, slower).
     *
     * @return how many layers got one
     */
    static int installOn(ComputationGraph graph) {
        int installed = 0;
        try {
            Field helper = BatchNormalization.class.getDeclaredField("helper");
            helper.setAccessible(true);
            for (Layer layer : graph.getLayers()) {
                if (layer instanceof BatchNormalization && helper.get(layer) != null) {
                    helper.set(layer, new RowwiseBatchNormHelper());
                    installed++;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("BatchNorm layers keep Deeplearning4j's helper (batch statistics on its slower reduction): {}", e.toString());
        }
        return installed;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return true;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta, INDArray mean,
            INDArray var, double decay, double eps, CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (x.dataType() != DataType.FLOAT || x.rank() != 4 || format != CNN2DFormat.NCHW) {
            return null; // DL4J then uses its built-in implementation; our networks never get here
        }
        INDArray m;
        INDArray v;
        if (training) {
            batchStatistics(x);
            m = meanCache;
            v = varCache;
        } else {
            m = mean.reshape(mean.length());
            v = var.reshape(var.length());
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, m, v, vector(gamma), vector(beta))
                .addIntegerArguments(1, 1, NCHW_CHANNEL_AXIS) // apply scale, apply offset, channel axis
                .addFloatingPointArguments(eps)
                .addOutputs(out)
                .build());
        return out;
    }

    private void batchStatistics(INDArray x) {
        long images = x.size(0);
        long channels = x.size(1);
        if (meanCache == null || meanCache.length() != channels) {
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                meanCache = Nd4j.createUninitialized(x.dataType(), channels);
                varCache = Nd4j.createUninitialized(x.dataType(), channels);
            }
        }
        INDArray contiguous = FloatViews.contiguous(x);
        int rowLength = Math.toIntExact(x.size(2) * x.size(3));
        float[] means = new float[Math.toIntExact(channels)];
        float[] variances = new float[means.length];
        RowStatistics.combine(FloatViews.floats(contiguous), Math.toIntExact(contiguous.offset()), Math.toIntExact(images),
                means.length, rowLength, means, variances);
        meanCache.assign(Nd4j.createFromArray(means));
        varCache.assign(Nd4j.createFromArray(variances));
        batchMeans = means;
        batchVariances = variances;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray epsilon, long[] shape, INDArray gamma,
            INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps, CNN2DFormat format,
            LayerWorkspaceMgr workspaceMgr) {
        if (input.dataType() != DataType.FLOAT || input.rank() != 4 || batchMeans == null) {
            return null;
        }
        INDArray x = FloatViews.contiguous(input);
        INDArray error = FloatViews.contiguous(epsilon);
        INDArray errorAtInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        int rowLength = Math.toIntExact(input.size(2) * input.size(3));
        if (backward == null || backward.rowLength() != rowLength) {
            backward = new RowBatchNormBackward(rowLength);
        }
        float[] dGamma = new float[batchMeans.length];
        float[] dBeta = new float[batchMeans.length];
        backward.backward(FloatViews.floats(x), Math.toIntExact(x.offset()), FloatViews.floats(error),
                Math.toIntExact(error.offset()), FloatViews.floats(errorAtInput), Math.toIntExact(errorAtInput.offset()),
                Math.toIntExact(input.size(0)),
                batchMeans, batchVariances, vector(gamma).toFloatVector(), eps, dGamma, dBeta);
        vector(dGammaView).assign(Nd4j.createFromArray(dGamma));
        vector(dBetaView).assign(Nd4j.createFromArray(dBeta));
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        return new Pair<>(gradient, errorAtInput);
    }

    private static INDArray vector(INDArray array) {
        return array.rank() == 1 ? array : array.reshape(array.length());
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Map.of();
    }
}
