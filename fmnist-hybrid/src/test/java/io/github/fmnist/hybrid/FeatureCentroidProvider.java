package io.github.fmnist.hybrid;

import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.FeatureExtractor;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;
import java.io.IOException;
import java.util.Optional;

/**
 * The testkit's nearest-centroid fixture, a single dense layer on the flattened image, offering that image as its
 * {@link FeatureExtractor} (the input of its classifier layer, node {@code flatten} of its description): a fast
 * network stand-in for the hybrid's tests.
 */
public class FeatureCentroidProvider implements ModelProvider {
    public static final String ID = "feature-centroid";

    private final NearestCentroidProvider inner = new NearestCentroidProvider(NearestCentroidVariant.named(ID));

    @Override
    public ModelDescriptor descriptor() {
        return inner.descriptor();
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        Trainer trainer = inner.trainer(hyperparameters);
        return request -> new WithPixels(trainer.fit(request));
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        return new WithPixels(inner.load(bundle));
    }

    /** Delegates everything, adding the flattened image as features. */
    static final class WithPixels implements Classifier {
        private final Classifier inner;

        WithPixels(Classifier inner) {
            this.inner = inner;
        }

        @Override
        public ModelInfo info() {
            return inner.info();
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            return inner.predictNormalized(nchw);
        }

        @Override
        public void writePayload(PayloadSink sink) throws IOException {
            inner.writePayload(sink);
        }

        @Override
        public <T> Optional<T> unwrap(Class<T> capability) {
            if (capability == FeatureExtractor.class) {
                return Optional.of(capability.cast(new FeatureExtractor() {
                    @Override
                    public int featureCount() {
                        return 784;
                    }

                    @Override
                    public String featureLayer() {
                        return "flatten";
                    }

                    @Override
                    public float[][] features(float[] nchw) {
                        int n = Classifier.imageCount(nchw);
                        float[][] out = new float[n][];
                        for (int i = 0; i < n; i++) {
                            out[i] = java.util.Arrays.copyOfRange(nchw, i * 784, (i + 1) * 784);
                        }
                        return out;
                    }
                }));
            }
            return inner.unwrap(capability);
        }
    }
}
