package io.github.fmnist.classic;

import io.github.fmnist.api.bundle.PayloadWriter;
import io.github.fmnist.api.model.ModelInfo;
import java.io.IOException;
import java.util.Optional;

/**
 * A random forest on the 784 pixels, trained by Smile and predicted by {@link ForestModel} (the same numbers, walked
 * by fmnist's own code, so a trained and a loaded forest run the same inference). Probabilities are Smile's
 * posteriori estimate: the average of the trees' leaf class frequencies, each tree weighted by its out-of-bag
 * accuracy.
 */
final class ForestClassifier extends SmileClassifier {
    private final ForestModel model;

    ForestClassifier(ModelInfo info, ForestModel model) {
        super(info, Optional.empty());
        this.model = model;
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.posterior(features, probabilities);
    }

    @Override
    void writeModel(PayloadWriter out) throws IOException {
        model.write(out);
    }
}
