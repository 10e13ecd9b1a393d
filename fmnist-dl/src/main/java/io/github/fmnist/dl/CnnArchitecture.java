package io.github.fmnist.dl;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * The seed's CNN: Conv 32 3×3 → MaxPool 2 → Conv 64 3×3 → MaxPool 2 → Conv 128 3×3 → Flatten → Dense 128 ReLU
 * → Dropout 0.5 → Dense 10, convolutions with ReLU, unpadded as in the seed or padded to keep their input's size.
 * With batch normalisation each convolution is followed by BatchNorm before its ReLU.
 *
 * @param batchNorm whether to insert batch normalisation after each convolution
 * @param samePadding whether convolutions pad their input to keep its size (the seed's are unpadded)
 */
record CnnArchitecture(boolean batchNorm, boolean samePadding) implements Architecture {
    private static final int[] CHANNELS = {32, 64, 128};

    @Override
    public ComputationGraphConfiguration configuration(long seed, TrainingSettings settings) {
        ComputationGraphConfiguration.GraphBuilder g = Architecture.start(seed, settings);
        String previous = INPUT;
        for (int i = 0; i < CHANNELS.length; i++) {
            String name = "conv" + (i + 1);
            previous = convolution(g, name, CHANNELS[i], previous);
            if (i < CHANNELS.length - 1) {
                String pool = "pool" + (i + 1);
                g.addLayer(pool, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), previous);
                previous = pool;
            }
        }
        g.addLayer("dense", new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), previous);
        // DL4J's dropout argument is the probability to RETAIN an activation; 0.5 either way.
        g.addLayer("dropout", new DropoutLayer.Builder(0.5).build(), "dense");
        return Architecture.finish(g, "dropout").build();
    }

    private String convolution(ComputationGraphConfiguration.GraphBuilder g, String name, int channels, String input) {
        if (!batchNorm) {
            g.addLayer(name, convolution(channels, Activation.RELU), input);
            return name;
        }
        g.addLayer(name + ".conv", convolution(channels, Activation.IDENTITY), input);
        g.addLayer(name + ".bn", new BatchNormalization.Builder().build(), name + ".conv");
        g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), name + ".bn");
        return name;
    }

    private ConvolutionLayer convolution(int channels, Activation activation) {
        return new ConvolutionLayer.Builder(3, 3).nOut(channels).activation(activation)
                .convolutionMode(samePadding ? ConvolutionMode.Same : ConvolutionMode.Truncate).build();
    }

    @Override
    public List<String> convolutionLayers() {
        return List.of("conv1", "conv2", "conv3");
    }
}
