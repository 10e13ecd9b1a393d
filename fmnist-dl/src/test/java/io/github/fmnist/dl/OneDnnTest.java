package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.junit.jupiter.api.Test;

class OneDnnTest {

    @Test
    void bridgeReportsOneDnnOfTheNativeLibrary() {
        assertTrue(org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN(),
                "libnd4j should be the oneDNN build (classifier ${nd4j.onednn.classifier})");
    }

    @Test
    void convolutionsOfATrainedNetworkRunOnOneDnn() {
        GraphClassifier cnn = TinyTraining.train(new CnnProvider(), TinyTraining.cnn(), TinyTraining.data(64), 1);
        ComputationGraph graph = cnn.network();
        for (String conv : new String[] {"conv1.conv", "conv2.conv", "conv3.conv"}) {
            assertNotNull(graph.getLayer(conv).getHelper(), conv + " has no oneDNN helper");
        }
        GraphClassifier resnet = TinyTraining.train(new ResnetProvider(), TinyTraining.resnet(), TinyTraining.data(64), 1);
        assertNotNull(resnet.network().getLayer("block1.conv1").getHelper(), "block1.conv1 has no oneDNN helper");
    }

    /**
     * DL4J M2.1 has oneDNN helpers for convolution, subsampling, batch normalisation (and LRN, unused); every such
     * layer of both networks keeps its helper through training and never fell back to the built-in code (DL4J counts
     * helper failures and then silently uses its own implementation). Dense, activation, dropout and global pooling
     * layers have no helper in M2.1: they run on libnd4j's own kernels and BLAS.
     */
    @Test
    void everyLayerWithAOneDnnHelperUsesItThroughTraining() throws ReflectiveOperationException {
        int checked = 0;
        for (ComputationGraph graph : new ComputationGraph[] {
                TinyTraining.train(new CnnProvider(), TinyTraining.cnn(), TinyTraining.data(64), 1).network(),
                TinyTraining.train(new ResnetProvider(), TinyTraining.resnet(), TinyTraining.data(64), 1).network()}) {
            for (Layer layer : graph.getLayers()) {
                if (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer || layer instanceof BatchNormalization) {
                    String name = layer.conf().getLayer().getLayerName();
                    assertNotNull(layer.getHelper(), name + " has no oneDNN helper");
                    assertEquals(0, helperFailures(layer), name + " fell back to DL4J's built-in implementation");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "expected the convolution, pooling and BatchNorm layers of both networks, found " + checked);
    }

    private static int helperFailures(Layer layer) throws ReflectiveOperationException {
        for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("helperCountFail");
                f.setAccessible(true);
                return f.getInt(layer);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException("helperCountFail in " + layer.getClass());
    }
}
