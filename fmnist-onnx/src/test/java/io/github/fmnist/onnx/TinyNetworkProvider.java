package io.github.fmnist.onnx;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.testkit.ReferenceNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A test-only model plugin whose "training" draws the residual test network from the request's seed and
 * whose classifier predicts with the testkit's {@link ReferenceNetwork}; it lets the bundle export path run without DL4J.
 */
public final class TinyNetworkProvider implements ModelProvider {
    public static final String ID = "tiny-net";
    private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(ID, "Tiny test network", "test", "1",
            "Random residual CNN for fmnist-onnx tests.", true,
            Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(List.of())));

    @Override
    public ModelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> new TinyClassifier(request.seed(), ModelInfo.of(DESCRIPTOR, DESCRIPTOR.defaults())
                .withProvenance(request.provenance(1, 1)));
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        bundle.requireProvider(ID);
        return new TinyClassifier(Long.parseLong(new String(bundle.readAllBytes("seed.txt"), StandardCharsets.UTF_8)),
                ModelInfo.of(bundle.manifest(), DESCRIPTOR.defaults()));
    }

    /** Predicts with the reference forward pass of {@link TestNetworks#residualCnn(long)}. */
    public static final class TinyClassifier implements Classifier, NetworkExportable {
        private final long seed;
        private final ModelInfo info;
        private final NetworkDescription network;
        private final ReferenceNetwork reference;

        public TinyClassifier(long seed) {
            this(seed, ModelInfo.of(DESCRIPTOR, DESCRIPTOR.defaults()));
        }

        TinyClassifier(long seed, ModelInfo info) {
            this.seed = seed;
            this.info = info;
            this.network = TestNetworks.residualCnn(seed);
            this.reference = ReferenceNetwork.of(network);
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            double[][] p = reference.probabilities(nchw);
            float[][] out = new float[p.length][p[0].length];
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p[i].length; j++) {
                    out[i][j] = (float) p[i][j];
                }
            }
            return out;
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            sink.write("seed.txt", Long.toString(seed).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public NetworkDescription describeNetwork() {
            return network;
        }
    }
}
