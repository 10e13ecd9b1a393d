package io.github.fmnist.dl;

import java.lang.reflect.Field;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deeplearning4j's max-pooling layer with its forward and backward pass computed in Java, one (image, channel)
 * plane at a time. In 1.0.0-M2.1 both passes go to oneDNN's plain-layout reference kernel ({@code nchw_pooling}),
 * which calls a {@code std::function} per output value, and the backward pass first runs the forward pass again
 * for its workspace: together a third of the default cnn's training CPU.
 *
 * <p>Only non-overlapping windows (stride ≥ kernel) of NCHW float activations without dilation or explicit padding
 * ({@code Same} mode's implicit padding is fine) take the Java path; anything else goes to DL4J's own code. The
 * results are bit-identical to oneDNN's: the maximum is exact, the gradient goes to the first maximum of a window
 * in row-major order, as oneDNN's does, and no input gets more than one gradient. {@link #installOn} swaps it in
 * for training only.
 */
final class PlaneMaxPoolingLayer extends SubsamplingLayer {
    private static final Logger LOG = LoggerFactory.getLogger(PlaneMaxPoolingLayer.class);

    private PlaneMaxPoolingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * Replaces every plain max-pooling layer of {@code network} by one of this kind, with the same configuration,
     * index, listeners and cache mode; {@code swaps} puts the originals back. The graph keeps its layers in two
     * private places (the vertex and the graph's array), so they are set by reflection; if that is refused, the
     * layers stay DL4J's (the same results, slower) and a warning is logged.
     */
    static void installOn(ComputationGraph network, TrainingSwaps swaps) {
        try {
            Field vertexLayer = LayerVertex.class.getDeclaredField("layer");
            vertexLayer.setAccessible(true);
            Field graphLayers = ComputationGraph.class.getDeclaredField("layers");
            graphLayers.setAccessible(true);
            Layer[] layers = (Layer[]) graphLayers.get(network);
            for (GraphVertex vertex : network.getVertices()) {
                if (vertex instanceof LayerVertex layerVertex && vertex.getLayer().getClass() == SubsamplingLayer.class
                        && ((SubsamplingLayer) vertex.getLayer()).layerConf().getPoolingType() == PoolingType.MAX) {
                    Layer original = vertex.getLayer();
                    PlaneMaxPoolingLayer replacement = new PlaneMaxPoolingLayer(original.conf(),
                            network.getConfiguration().getDataType());
                    replacement.setIndex(original.getIndex());
                    replacement.setListeners(original.getListeners());
                    replacement.setCacheMode(network.getConfiguration().getCacheMode());
                    int slot = indexOf(layers, original);
                    vertexLayer.set(layerVertex, replacement);
                    layers[slot] = replacement;
                    swaps.add(() -> {
                        layers[slot] = original;
                        try {
                            vertexLayer.set(layerVertex, original);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException("cannot restore layer " + vertex.getVertexName(), e);
                        }
                    });
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("max-pooling layers keep Deeplearning4j's implementation (oneDNN's reference kernel): {}", e.toString());
        }
    }

    private static int indexOf(Layer[] layers, Layer layer) {
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == layer) {
                return i;
            }
        }
        throw new IllegalStateException("layer " + layer.conf().getLayer().getLayerName() + " is not in the graph's layers");
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        Windows windows = windows(input);
        if (windows == null) {
            return super.activate(training, workspaceMgr);
        }
        INDArray x = FloatViews.contiguous(input);
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[] {input.size(0), input.size(1), windows.outHeight, windows.outWidth}, 'c');
        FloatBuffer in = FloatViews.floats(x);
        FloatBuffer out = FloatViews.floats(output);
        float[] plane = new float[windows.height * windows.width];
        float[] pooled = new float[windows.outHeight * windows.outWidth];
        for (int p = 0, planes = windows.planes(input); p < planes; p++) {
            in.get(Math.toIntExact(x.offset()) + p * plane.length, plane);
            for (int o = 0; o < pooled.length; o++) {
                pooled[o] = plane[windows.argmax(plane, o)];
            }
            out.put(Math.toIntExact(output.offset()) + p * pooled.length, pooled);
        }
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        Windows windows = windows(input);
        if (windows == null || epsilon.dataType() != DataType.FLOAT
                || epsilon.size(2) != windows.outHeight || epsilon.size(3) != windows.outWidth) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray x = FloatViews.contiguous(input);
        INDArray error = FloatViews.contiguous(epsilon);
        INDArray errorAtInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        FloatBuffer in = FloatViews.floats(x);
        FloatBuffer errors = FloatViews.floats(error);
        FloatBuffer out = FloatViews.floats(errorAtInput);
        float[] plane = new float[windows.height * windows.width];
        float[] errorPlane = new float[windows.outHeight * windows.outWidth];
        float[] gradient = new float[plane.length];
        for (int p = 0, planes = windows.planes(input); p < planes; p++) {
            in.get(Math.toIntExact(x.offset()) + p * plane.length, plane);
            errors.get(Math.toIntExact(error.offset()) + p * errorPlane.length, errorPlane);
            Arrays.fill(gradient, 0f);
            for (int o = 0; o < errorPlane.length; o++) {
                gradient[windows.argmax(plane, o)] += errorPlane[o];
            }
            out.put(Math.toIntExact(errorAtInput.offset()) + p * gradient.length, gradient);
        }
        return new Pair<>(new DefaultGradient(), errorAtInput);
    }

    /** The pooling windows over {@code x}'s planes, or null where this layer leaves the work to DL4J. */
    private Windows windows(INDArray x) {
        org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf = layerConf();
        int[] kernel = conf.getKernelSize();
        int[] stride = conf.getStride();
        int[] dilation = conf.getDilation();
        int[] padding = conf.getPadding();
        ConvolutionMode mode = conf.getConvolutionMode();
        if (x.dataType() != DataType.FLOAT || x.rank() != 4 || conf.getPoolingType() != PoolingType.MAX
                || conf.getCnn2dDataFormat() != CNN2DFormat.NCHW || dilation[0] != 1 || dilation[1] != 1
                || stride[0] < kernel[0] || stride[1] < kernel[1]
                || mode != ConvolutionMode.Same && mode != ConvolutionMode.Truncate
                || mode == ConvolutionMode.Truncate && (padding[0] != 0 || padding[1] != 0)) {
            return null;
        }
        int height = Math.toIntExact(x.size(2));
        int width = Math.toIntExact(x.size(3));
        int[] out = ConvolutionUtils.getOutputSize(x, kernel, stride, mode == ConvolutionMode.Same ? null : padding,
                mode, dilation, CNN2DFormat.NCHW);
        int[] top = mode == ConvolutionMode.Same
                ? ConvolutionUtils.getSameModeTopLeftPadding(out, new int[] {height, width}, kernel, stride, dilation)
                : new int[] {0, 0};
        return new Windows(height, width, out[0], out[1], kernel, stride, top);
    }

    /** Non-overlapping pooling windows over one {@code height × width} plane, clipped at its borders. */
    private record Windows(int height, int width, int outHeight, int outWidth, int[] kernel, int[] stride, int[] top) {

        int planes(INDArray x) {
            return Math.toIntExact(x.size(0) * x.size(1));
        }

        /** Index in the plane of the first largest value, in row-major order, of output {@code o}'s window. */
        int argmax(float[] plane, int o) {
            int fromRow = o / outWidth * stride[0] - top[0];
            int fromColumn = o % outWidth * stride[1] - top[1];
            int toRow = Math.min(height, fromRow + kernel[0]);
            int toColumn = Math.min(width, fromColumn + kernel[1]);
            fromRow = Math.max(0, fromRow);
            fromColumn = Math.max(0, fromColumn);
            int best = fromRow * width + fromColumn;
            for (int r = fromRow; r < toRow; r++) {
                for (int c = fromColumn, at = r * width + c; c < toColumn; c++, at++) {
                    if (plane[at] > plane[best]) {
                        best = at;
                    }
                }
            }
            return best;
        }
    }
}
