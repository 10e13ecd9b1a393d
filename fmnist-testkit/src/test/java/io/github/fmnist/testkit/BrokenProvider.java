package io.github.fmnist.testkit;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.Trainer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deliberately broken plugin (not registered with ServiceLoader): scores that do not sum to one and
 * change with every call, no input checks, no events, ignores cancellation, loads any bundle.
 */
public class BrokenProvider implements ModelProvider {
    private static final AtomicLong CALLS = new AtomicLong();

    private final ModelDescriptor descriptor = new ModelDescriptor("toy-broken", "Broken (toy)", "toy", "1",
            "Violates the contract on purpose.", true,
            Map.of(ModelDescriptor.DEFAULT_PRESET, Hyperparameters.defaults(List.of())));

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Trainer trainer(Hyperparameters hyperparameters) {
        return request -> new Drifting(ModelInfo.of(descriptor, hyperparameters));
    }

    @Override
    public Classifier load(ModelBundle bundle) {
        return new Drifting(ModelInfo.of(descriptor, descriptor.defaults()));
    }

    private static final class Drifting implements Classifier {
        private final ModelInfo info;

        Drifting(ModelInfo info) {
            this.info = info;
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            int n = nchw.length / 784;
            float[][] out = new float[n][FashionClass.COUNT];
            long call = CALLS.incrementAndGet();
            for (int i = 0; i < n; i++) {
                out[i][(int) ((call + i) % FashionClass.COUNT)] = 2f;
            }
            return out;
        }

        @Override
        public void writePayload(PayloadSink sink) {
        }
    }
}
