package io.github.fmnist.classic;

import io.github.fmnist.api.model.ModelInfo;
import java.io.Serializable;
import java.util.Optional;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Smile's random forest on the 784 pixels. Probabilities are Smile's posteriori estimate: the average of
 * the trees' leaf class frequencies, each tree weighted by its out-of-bag accuracy.
 */
final class ForestClassifier extends SmileClassifier {
    private final RandomForest model;
    private final StructType schema;

    ForestClassifier(ModelInfo info, RandomForest model) {
        super(info, Optional.empty());
        this.model = model;
        this.schema = model.schema();
    }

    @Override
    void posterior(double[] features, double[] probabilities) {
        model.predict(Tuple.of(schema, features), probabilities);
    }

    @Override
    Serializable model() {
        return model;
    }
}
