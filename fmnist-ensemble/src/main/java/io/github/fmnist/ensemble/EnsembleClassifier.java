package io.github.fmnist.ensemble;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Soft voting over member classifiers: {@code Σ ŵᵢ pᵢ(x)}, with test-time views {@code Σ ŵᵢ (1/V) Σᵥ pᵢ(v(x))}
 * over the {@link TestTimeViews} (mirror, translations).
 *
 * <h2>Thread-safety</h2>
 * Immutable; every prediction calls the members' prediction methods, which the api requires to be thread-safe, so
 * concurrent predictions are too, and each equals a sequential one. {@link #close()} closes the members.
 */
final class EnsembleClassifier implements Classifier {
    private final ModelInfo info;
    private final List<Classifier> members;
    private final double[] weights;
    private final TestTimeViews views;

    /** @param weights one per member, summing to 1 */
    EnsembleClassifier(ModelInfo info, List<Classifier> members, double[] weights, TestTimeViews views) {
        if (members.isEmpty() || members.size() != weights.length) {
            throw new IllegalArgumentException(members.size() + " members and " + weights.length + " weights");
        }
        this.info = info;
        this.members = List.copyOf(members);
        this.weights = weights.clone();
        this.views = views;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    List<Classifier> members() {
        return members;
    }

    double[] weights() {
        return weights.clone();
    }

    TestTimeViews views() {
        return views;
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        int n = Classifier.imageCount(nchw);
        List<TestTimeViews.View> all = views.views();
        double[][] sum = new double[n][FashionClass.COUNT];
        for (TestTimeViews.View view : all) {
            float[] input = view.apply(nchw);
            for (int m = 0; m < members.size(); m++) {
                accumulate(sum, members.get(m).predictNormalized(input), weights[m] / all.size());
            }
        }
        float[][] out = new float[n][FashionClass.COUNT];
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (double v : sum[i]) {
                total += v;
            }
            for (int c = 0; c < FashionClass.COUNT; c++) {
                out[i][c] = (float) (sum[i][c] / total);
            }
        }
        return out;
    }

    private static void accumulate(double[][] sum, float[][] probabilities, double weight) {
        for (int i = 0; i < sum.length; i++) {
            for (int c = 0; c < FashionClass.COUNT; c++) {
                sum[i][c] += weight * probabilities[i][c];
            }
        }
    }

    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        EnsembleBundle.write(sink, this);
    }

    /** {@link NetworkExportable} only when every member offers it: the members side by side and a vote. */
    @Override
    public <T> Optional<T> unwrap(Class<T> capability) {
        if (capability == NetworkExportable.class) {
            boolean all = members.stream().allMatch(m -> m.unwrap(NetworkExportable.class).isPresent());
            NetworkExportable exportable = () -> EnsembleDescription.of(info.providerId(), members, weights, views);
            return all ? Optional.of(capability.cast(exportable)) : Optional.empty();
        }
        return Classifier.super.unwrap(capability);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (Classifier member : members) {
            try {
                member.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "ensemble of " + members.stream().map(m -> m.info().providerId()).toList() + (views.flip() ? " with flips" : "")
                + (views.shift() > 0 ? " with shifts up to " + views.shift() : "");
    }
}
