package io.github.fmnist.testkit;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;
import java.io.IOException;
import java.util.List;

/**
 * The nearest-centroid fixture with one flaw: its network description leaves out the Dense layer's biases, so the
 * description's probabilities disagree with the classifier's. Test-only: the fixture itself never lies.
 */
public class MisdescribedCentroidProvider implements ModelProvider {
    private final NearestCentroidProvider honest = new NearestCentroidProvider(
            NearestCentroidVariant.named("toy-misdescribed").displayName("Nearest centroid with a wrong description (toy)"));

    @Override
    public ModelDescriptor descriptor() {
        return honest.descriptor();
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        Trainer trainer = honest.trainer(hyperparameters);
        return request -> new Misdescribed(trainer.fit(request));
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        return new Misdescribed(honest.load(bundle));
    }

    private record Misdescribed(Classifier honest) implements Classifier, NetworkExportable {
        @Override
        public ModelInfo info() {
            return honest.info();
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            return honest.predictNormalized(nchw);
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            honest.writePayload(sink);
        }

        @Override
        public NetworkDescription describeNetwork() {
            NetworkDescription truth = honest.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            List<NetworkNode> nodes = truth.nodes().stream().map(node -> node.layer() instanceof Layer.Dense dense
                    ? new NetworkNode(node.name(), new Layer.Dense(dense.inputs(), dense.outputs(), dense.weights(),
                            new float[dense.outputs()]), node.inputs())
                    : node).toList();
            return new NetworkDescription("toy-misdescribed", nodes, truth.logits());
        }
    }
}
