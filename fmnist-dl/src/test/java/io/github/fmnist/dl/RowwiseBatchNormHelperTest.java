package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RowwiseBatchNormHelperTest {
    private static final double EPS = 1e-5;

    @BeforeAll
    static void oneDnn() {
        NativeRuntime.enableOneDnn();
    }

    @Test
    void rowStatisticsAreThePerChannelMeanAndBiasedVarianceOverImagesAndPixels() {
        int images = 3;
        int channels = 2;
        int rowLength = 7; // not a multiple of the four accumulators
        float[] values = new float[images * channels * rowLength];
        Random random = new Random(5);
        for (int i = 0; i < values.length; i++) {
            values[i] = 10 + random.nextFloat() * 4; // a large mean, where E[x²] − E[x]² in float would lose digits
        }
        float[] means = new float[channels];
        float[] variances = new float[channels];
        RowStatistics.combine(FloatBuffer.wrap(values), 0, images, channels, rowLength, means, variances);
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int n = 0; n < images; n++) {
                for (int i = 0; i < rowLength; i++) {
                    sum += values[(n * channels + c) * rowLength + i];
                }
            }
            double mean = sum / (images * rowLength);
            double squared = 0;
            for (int n = 0; n < images; n++) {
                for (int i = 0; i < rowLength; i++) {
                    double d = values[(n * channels + c) * rowLength + i] - mean;
                    squared += d * d;
                }
            }
            assertEquals(mean, means[c], 1e-5, "mean of channel " + c);
            assertEquals(squared / (images * rowLength), variances[c], 1e-5, "variance of channel " + c);
        }
    }

    @Test
    void rowBackwardMatchesTheTrainingModeGradientInDoublePrecision() {
        int images = 4;
        int channels = 3;
        int rowLength = 9; // odd: the last value of a row goes past the paired accumulators
        int count = images * rowLength;
        Random random = new Random(8);
        float[] x = new float[images * channels * rowLength];
        float[] error = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = 5 + random.nextFloat() * 2;
            error[i] = random.nextFloat() - 0.5f;
        }
        float[] gamma = {0.5f, 1.5f, -2f};
        float[] mean = new float[channels];
        float[] variance = new float[channels];
        RowStatistics.combine(FloatBuffer.wrap(x), 0, images, channels, rowLength, mean, variance);
        float[] dx = new float[x.length + 2];
        float[] dGamma = new float[channels];
        float[] dBeta = new float[channels];
        new RowBatchNormBackward(rowLength).backward(FloatBuffer.wrap(x), 0, FloatBuffer.wrap(error), 0,
                FloatBuffer.wrap(dx), 2, images, mean, variance, gamma, EPS, dGamma, dBeta);
        for (int c = 0; c < channels; c++) {
            double s = 1 / Math.sqrt(variance[c] + EPS);
            double sumError = 0;
            double sumErrorXHat = 0;
            for (int n = 0; n < images; n++) {
                for (int i = 0; i < rowLength; i++) {
                    int at = (n * channels + c) * rowLength + i;
                    sumError += error[at];
                    sumErrorXHat += error[at] * (x[at] - mean[c]) * s;
                }
            }
            assertEquals(sumError, dBeta[c], 1e-5, "beta gradient of channel " + c);
            assertEquals(sumErrorXHat, dGamma[c], 1e-4, "gamma gradient of channel " + c);
            for (int n = 0; n < images; n++) {
                for (int i = 0; i < rowLength; i++) {
                    int at = (n * channels + c) * rowLength + i;
                    double xHat = (x[at] - mean[c]) * s;
                    double expected = gamma[c] * s / count * (count * error[at] - sumError - xHat * sumErrorXHat);
                    assertEquals(expected, dx[2 + at], 1e-4, "input gradient at " + at);
                }
            }
        }
        assertEquals(0f, dx[0], "nothing is written before the output's base");
    }

    @Test
    void trainingForwardAndBackwardMatchDeeplearning4jsOneDnnHelper() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.rand(DataType.FLOAT, 8, 5, 6, 6).muli(3).addi(1);
        INDArray gamma = Nd4j.rand(DataType.FLOAT, 1, 5).addi(0.5);
        INDArray beta = Nd4j.rand(DataType.FLOAT, 1, 5);
        INDArray error = Nd4j.rand(DataType.FLOAT, 8, 5, 6, 6).subi(0.5);
        long[] shape = x.shape();

        BatchNormalizationHelper ours = new RowwiseBatchNormHelper();
        BatchNormalizationHelper theirs = new MKLDNNBatchNormHelper(DataType.FLOAT);
        INDArray ourOut = ours.preOutput(x, true, shape, gamma, beta, null, null, 0.9, EPS, CNN2DFormat.NCHW,
                LayerWorkspaceMgr.noWorkspaces());
        INDArray theirOut = theirs.preOutput(x, true, shape, gamma, beta, null, null, 0.9, EPS, CNN2DFormat.NCHW,
                LayerWorkspaceMgr.noWorkspaces());
        assertClose(x.mean(0, 2, 3), ours.getMeanCache(DataType.FLOAT), "batch mean");
        assertClose(x.var(false, 0, 2, 3), ours.getVarCache(DataType.FLOAT), "batch variance");
        assertClose(theirOut, ourOut, "normalised output");

        INDArray ourDGamma = Nd4j.zeros(DataType.FLOAT, 1, 5);
        INDArray ourDBeta = Nd4j.zeros(DataType.FLOAT, 1, 5);
        INDArray theirDGamma = Nd4j.zeros(DataType.FLOAT, 1, 5);
        INDArray theirDBeta = Nd4j.zeros(DataType.FLOAT, 1, 5);
        Pair<Gradient, INDArray> ourBack = ours.backpropGradient(x, error, shape, gamma, beta, ourDGamma, ourDBeta, EPS,
                CNN2DFormat.NCHW, LayerWorkspaceMgr.noWorkspaces());
        Pair<Gradient, INDArray> theirBack = theirs.backpropGradient(x, error, shape, gamma, beta, theirDGamma,
                theirDBeta, EPS, CNN2DFormat.NCHW, LayerWorkspaceMgr.noWorkspaces());
        assertClose(theirBack.getSecond(), ourBack.getSecond(), "error at the input");
        assertClose(theirDGamma, ourDGamma, "gamma gradient");
        assertClose(theirDBeta, ourDBeta, "beta gradient");
        assertTrue(ourDGamma.norm2Number().doubleValue() > 0, "the gamma gradient was written into its view");
        assertEquals(ourDGamma, ourBack.getFirst().getGradientFor(BatchNormalizationParamInitializer.GAMMA));
    }

    @Test
    void inferenceUsesTheRunningStatistics() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3, 5, 5);
        INDArray gamma = Nd4j.ones(DataType.FLOAT, 1, 3);
        INDArray beta = Nd4j.zeros(DataType.FLOAT, 1, 3);
        INDArray mean = Nd4j.createFromArray(0.5f, 0.25f, 0f).reshape(1, 3);
        INDArray variance = Nd4j.createFromArray(4f, 1f, 0.25f).reshape(1, 3);
        INDArray out = new RowwiseBatchNormHelper().preOutput(x, false, x.shape(), gamma, beta, mean, variance, 0.9,
                EPS, CNN2DFormat.NCHW, LayerWorkspaceMgr.noWorkspaces());
        float in = x.getFloat(1, 2, 3, 4);
        assertEquals((in - 0f) / Math.sqrt(0.25 + EPS), out.getFloat(1, 2, 3, 4), 1e-5);
    }

    @Test
    void everyBatchNormLayerOfBothTrainedNetworksHasIt() {
        int checked = 0;
        for (GraphClassifier trained : new GraphClassifier[] {
                TinyTraining.train(new CnnProvider(), TinyTraining.cnn().with("batch-norm", "true"), TinyTraining.data(64), 1),
                TinyTraining.train(new ResnetProvider(), TinyTraining.resnet(), TinyTraining.data(64), 1)}) {
            for (Layer layer : trained.network().getLayers()) {
                if (layer instanceof BatchNormalization) {
                    assertInstanceOf(RowwiseBatchNormHelper.class, layer.getHelper(), layer.conf().getLayer().getLayerName());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 7, "expected the BatchNorm layers of both networks, found " + checked);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        INDArray e = expected.reshape(expected.length());
        INDArray a = actual.reshape(actual.length());
        double scale = Math.max(1, e.amaxNumber().doubleValue());
        double worst = e.sub(a).amaxNumber().doubleValue();
        assertTrue(worst <= 1e-4 * scale, what + ": worst difference " + worst + " (scale " + scale + ")");
    }
}
