package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.Layer.ActivationFunction;
import io.github.fmnist.api.network.Layer.Padding;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.onnx.TestNetworks;
import io.github.fmnist.onnx.proto.OnnxIr.ModelProto;
import io.github.fmnist.testkit.ReferenceNetwork;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchNormFoldingTest {

    @Test
    void foldedBatchNormGivesTheSameOutputsWithFewerNodes() throws Exception {
        NetworkDescription network = TestNetworks.residualCnn(21);
        float[] images = TestNetworks.randomImages(23, 22);
        ModelProto folded = ModelProto.parseFrom(OnnxExporter.toBytes(network, Map.of()));
        ModelProto unfolded = ModelProto.parseFrom(OnnxExporter.toBytes(network, Map.of(),
                ExportOptions.float32().withBatchNormFolding(false)));

        assertEquals(2, count(unfolded, "BatchNormalization"));
        assertEquals(0, count(folded, "BatchNormalization"));
        assertEquals(unfolded.getGraph().getNodeCount() - 2, folded.getGraph().getNodeCount());
        assertEquals("2", property(folded, OnnxExporter.BATCH_NORM_FOLDED_KEY));
        OnnxExporterTest.assertClose(ReferenceNetwork.of(network).logits(images),
                OnnxExporterTest.run(folded.toByteArray(), images).get("logits"), "folded logits");
        OnnxExporterTest.assertClose(toDouble(OnnxExporterTest.run(unfolded.toByteArray(), images).get("probabilities")),
                OnnxExporterTest.run(folded.toByteArray(), images).get("probabilities"), "folded vs unfolded probabilities");
    }

    @Test
    void batchNormAfterAReluOrReadTwiceStays() throws Exception {
        Random r = new Random(30);
        NetworkDescription network = new NetworkDescription("unfoldable", List.of(
                NetworkNode.of("conv1", TestNetworks.conv(r, 1, 4, 3, 3, 1, 1, Padding.of(1)), NetworkDescription.INPUT),
                NetworkNode.of("relu1", new Layer.Activation(ActivationFunction.RELU), "conv1"),
                NetworkNode.of("bn1", TestNetworks.batchNormOf(r, 4), "relu1"),
                NetworkNode.of("conv2", TestNetworks.conv(r, 4, 4, 3, 3, 1, 1, Padding.of(1)), "bn1"),
                NetworkNode.of("bn2", TestNetworks.batchNormOf(r, 4), "conv2"),
                new NetworkNode("add", new Layer.Add(), List.of("bn2", "conv2")),
                NetworkNode.of("gap", new Layer.GlobalAveragePool(), "add"),
                NetworkNode.of("dense", TestNetworks.dense(r, 4, 10), "gap")), "dense");
        ModelProto model = ModelProto.parseFrom(OnnxExporter.toBytes(network, Map.of()));

        assertEquals(2, count(model, "BatchNormalization"));
        float[] images = TestNetworks.randomImages(5, 31);
        OnnxExporterTest.assertClose(ReferenceNetwork.of(network).logits(images),
                OnnxExporterTest.run(model.toByteArray(), images).get("logits"), "logits");
    }

    static long count(ModelProto model, String op) {
        return model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(op)).count();
    }

    static String property(ModelProto model, String key) {
        return model.getMetadataPropsList().stream().filter(p -> p.getKey().equals(key)).findFirst().orElseThrow().getValue();
    }

    private static double[][] toDouble(float[][] v) {
        double[][] d = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            d[i] = new double[v[i].length];
            for (int j = 0; j < v[i].length; j++) {
                d[i][j] = v[i][j];
            }
        }
        return d;
    }
}
