package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ensemble of a cnn and a resnet (one epoch each on 2,000 real training images), weights 2 and 1, with flip and
 * one-pixel shift test-time augmentation, exported as one ONNX graph (both networks on the image, its four one-pixel
 * translations — fixed one-hot convolutions — and the mirrors of all five, then the vote):
 * ONNX Runtime gives the in-JVM ensemble's probabilities on 2,000 real test images.
 */
class EnsembleParityIT {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleParityIT.class);

    @Test
    void onnxRuntimeMatchesTheEnsembleOfTwoNetworksWithFlipsAndShifts(@TempDir Path dir) throws Exception {
        FashionMnistData data = FashionMnist.load();
        LabeledDataset train = StratifiedSample.sample(data.train(), 2_000, 5);
        PluginRegistry registry = PluginRegistry.discover();
        StringBuilder members = new StringBuilder();
        for (String network : new String[] {"cnn", "resnet"}) {
            ModelProvider provider = registry.requireModel(network);
            Path bundle = dir.resolve(network + ModelBundle.EXTENSION);
            try (Classifier trained = provider.trainer(provider.descriptor().defaults().with("epochs", "1"))
                    .fit(TrainingRequest.of(train, 5))) {
                ModelBundle.save(bundle, trained);
            }
            members.append(members.isEmpty() ? "" : ",").append(bundle);
        }
        ExportParity.Result r = ExportParity.check(data, "ensemble",
                Map.of("members", members.toString(), "weights", "2,1", "flip-tta", "true", "shift-tta", "1"), 2_000, 2_000, dir);
        LOG.info("{}", r);
        assertEquals("ensemble", r.onnxProviderId());
        assertTrue(r.maxAbsDifference() <= 1e-4, r + ": max |Δprobability| exceeds 1e-4");
        assertTrue(r.top1Agreement() >= 0.999, r + ": top-1 agreement below 99.9%");
    }
}
