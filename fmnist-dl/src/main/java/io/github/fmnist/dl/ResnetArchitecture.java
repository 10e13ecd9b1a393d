package io.github.fmnist.dl;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * The seed's small ResNet: Conv 32 3×3 ReLU (unpadded) → MaxPool 2 → residual block → MaxPool 2 → residual
 * block → global average pool → Dense 10. A block is conv 3×3 same ReLU → BatchNorm → conv 3×3 same →
 * BatchNorm → add the block's input → ReLU. The seed uses 32 channels in both blocks; wider stages add a
 * MaxPool 2 before each further block and project the shortcut with a 1×1 convolution where the width changes.
 *
 * @param stageWidths channels of each residual block, input side first
 */
record ResnetArchitecture(List<Integer> stageWidths) implements Architecture {
    private static final int STEM_CHANNELS = 32;

    ResnetArchitecture {
        stageWidths = List.copyOf(stageWidths);
    }

    /** Widths from their hyperparameter text, such as {@code "32-64-128"}. */
    static ResnetArchitecture of(String widths) {
        List<Integer> parsed = new ArrayList<>();
        for (String part : widths.split("-")) {
            parsed.add(Integer.parseInt(part.trim()));
        }
        return new ResnetArchitecture(parsed);
    }

    @Override
    public ComputationGraphConfiguration configuration(long seed, TrainingSettings settings) {
        ComputationGraphConfiguration.GraphBuilder g = Architecture.start(seed, settings);
        g.addLayer("stem", new ConvolutionLayer.Builder(3, 3).nOut(STEM_CHANNELS).activation(Activation.RELU).build(), INPUT);
        String previous = "stem";
        int width = STEM_CHANNELS;
        for (int i = 0; i < stageWidths.size(); i++) {
            String pool = "pool" + (i + 1);
            g.addLayer(pool, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), previous);
            previous = block(g, "block" + (i + 1), pool, width, stageWidths.get(i));
            width = stageWidths.get(i);
        }
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), previous);
        return Architecture.finish(g, "gap").build();
    }

    private static String block(ComputationGraphConfiguration.GraphBuilder g, String name, String input, int in, int out) {
        g.addLayer(name + ".conv1", sameConvolution(out, Activation.RELU), input);
        g.addLayer(name + ".bn1", new BatchNormalization.Builder().build(), name + ".conv1");
        g.addLayer(name + ".conv2", sameConvolution(out, Activation.IDENTITY), name + ".bn1");
        g.addLayer(name + ".bn2", new BatchNormalization.Builder().build(), name + ".conv2");
        String shortcut = input;
        if (in != out) {
            shortcut = name + ".shortcut";
            g.addLayer(shortcut, new ConvolutionLayer.Builder(1, 1).nOut(out).activation(Activation.IDENTITY).build(), input);
        }
        g.addVertex(name + ".add", new ElementWiseVertex(ElementWiseVertex.Op.Add), name + ".bn2", shortcut);
        g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + ".add");
        return name;
    }

    private static ConvolutionLayer sameConvolution(int channels, Activation activation) {
        return new ConvolutionLayer.Builder(3, 3).nOut(channels).convolutionMode(ConvolutionMode.Same)
                .activation(activation).build();
    }

    @Override
    public List<String> convolutionLayers() {
        List<String> names = new ArrayList<>();
        names.add("stem");
        for (int i = 0; i < stageWidths.size(); i++) {
            names.add("block" + (i + 1));
        }
        return names;
    }
}
