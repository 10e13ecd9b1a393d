package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
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
}
