package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class PlaneMaxPoolingLayerTest {

    @BeforeAll
    static void oneDnn() {
        NativeRuntime.enableOneDnn();
    }

    static Stream<Arguments> geometries() {
        return Stream.of(
                Arguments.of("2x2/2 on 28x28", 28, 28, 2, 2, ConvolutionMode.Truncate),
                Arguments.of("2x2/2 on 13x11, truncated", 13, 11, 2, 2, ConvolutionMode.Truncate),
                Arguments.of("2x2/2 on 7x7, same", 7, 7, 2, 2, ConvolutionMode.Same),
                Arguments.of("3x3/3 on 10x9, same", 10, 9, 3, 3, ConvolutionMode.Same),
                Arguments.of("2x2/3 on 11x11 (gaps)", 11, 11, 2, 3, ConvolutionMode.Truncate),
                Arguments.of("3x3/2 overlapping: DL4J's own code", 9, 9, 3, 2, ConvolutionMode.Truncate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void forwardAndBackwardAreBitIdenticalToDeeplearning4js(String name, int height, int width, int kernel, int stride,
            ConvolutionMode mode) {
        ComputationGraph graph = pooling(height, width, kernel, stride, mode);
        // values on a coarse grid with many ties (as after a ReLU): the gradient must go to the same one of them
        Nd4j.getRandom().setSeed(17);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3, height, width).muli(4).subi(1.5);
        x = Nd4j.math().floor(x).muli(x.gt(0).castTo(DataType.FLOAT));
        Layer dl4j = graph.getLayer("pool");
        float[][] expected = passes(dl4j, x);
        try (TrainingSwaps swaps = new TrainingSwaps()) {
            PlaneMaxPoolingLayer.installOn(graph, swaps);
            Layer ours = graph.getLayer("pool");
            assertInstanceOf(PlaneMaxPoolingLayer.class, ours);
            float[][] actual = passes(ours, x);
            assertArrayEquals(expected[0], actual[0], name + ": forward");
            assertTrue(Arrays.equals(expected[1], actual[1]), name + ": backward differs in some bit");
        }
        assertSame(dl4j, graph.getLayer("pool"), "closing the swaps restored DL4J's layer");
    }

    @Test
    void theSwapReachesBothPlacesTheGraphKeepsItsLayersAndOnlyPlainMaxPooling() {
        ComputationGraph graph = pooling(8, 8, 2, 2, ConvolutionMode.Truncate);
        Layer[] before = graph.getLayers().clone();
        try (TrainingSwaps swaps = new TrainingSwaps()) {
            PlaneMaxPoolingLayer.installOn(graph, swaps);
            assertEquals(1, swaps.count());
            long ours = Arrays.stream(graph.getLayers()).filter(PlaneMaxPoolingLayer.class::isInstance).count();
            assertEquals(1, ours, "the graph's layer array holds the replacement");
            assertSame(graph.getLayer("out"), before[Arrays.asList(before).indexOf(graph.getLayer("out"))]);
        }
        assertArrayEquals(before, graph.getLayers());

        ComputationGraph average = new ComputationGraph(new NeuralNetConfiguration.Builder().graphBuilder()
                .addInputs("in").setInputTypes(InputType.convolutional(8, 8, 2))
                .addLayer("pool", new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build(), "in")
                .addLayer("out", loss(), "pool").setOutputs("out").build());
        average.init();
        try (TrainingSwaps swaps = new TrainingSwaps()) {
            PlaneMaxPoolingLayer.installOn(average, swaps);
            assertEquals(0, swaps.count(), "average pooling is left alone");
        }
    }

    /** The forward output and the error at the input for a fixed error at the output. */
    private static float[][] passes(Layer layer, INDArray x) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(x.dup(), none);
        INDArray out = layer.activate(true, none);
        Nd4j.getRandom().setSeed(23);
        INDArray error = Nd4j.rand(DataType.FLOAT, out.shape()).subi(0.5);
        INDArray back = layer.backpropGradient(error, none).getSecond();
        return new float[][] {out.dup('c').data().asFloat(), back.dup('c').data().asFloat()};
    }

    private static ComputationGraph pooling(int height, int width, int kernel, int stride, ConvolutionMode mode) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .graphBuilder().addInputs("in").setInputTypes(InputType.convolutional(height, width, 3))
                .addLayer("pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(kernel, kernel)
                        .stride(stride, stride).convolutionMode(mode).build(), "in")
                .addLayer("out", loss(), "pool").setOutputs("out").build());
        graph.init();
        return graph;
    }

    private static CnnLossLayer loss() {
        return new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build();
    }
}
