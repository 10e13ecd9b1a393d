package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import java.util.List;
import smile.classification.KNN;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.LinearSearch;

/**
 * The {@code knn} model as numbers: k, the reference rows ({@link FeatureRows}), then one label (0..9) per row.
 * Rebuilt into Smile's {@code KNN} over a {@code LinearSearch} with Euclidean distance, rows in the stored order
 * (which decides ties), so predictions are Smile's own.
 */
final class KnnFormat {
    /** Most neighbours that may vote: the k hyperparameter's maximum. */
    static final int MAX_K = 1000;

    private KnnFormat() {
    }

    @SuppressWarnings("unchecked")
    static void write(KNN<double[]> model, PayloadWriter out) throws IOException {
        Object search = SmileInternals.field(model, KNN.class, "knn");
        if (!(search instanceof LinearSearch<?, ?>)
                || !(SmileInternals.field(search, LinearSearch.class, "distance") instanceof EuclideanDistance)) {
            throw new UnsupportedFeatureException("only a k-NN over a Euclidean linear search can be stored, found " + search);
        }
        List<double[]> keys = (List<double[]>) SmileInternals.field(search, LinearSearch.class, "keys");
        int[] labels = (int[]) SmileInternals.field(model, KNN.class, "y");
        double[][] rows = keys.toArray(new double[0][]);
        out.intValue(SmileInternals.intField(model, KNN.class, "k"));
        FeatureRows.write(out, rows, rows.length == 0 ? 1 : rows[0].length);
        out.ints(labels);
    }

    /** Rebuilds the model written by {@link #write}, for {@code features} input features. */
    static KNN<double[]> read(PayloadReader in, int features) {
        int k = in.intValue("k", 1, MAX_K);
        long rowsAt = in.offset();
        double[][] rows = FeatureRows.read(in, "reference rows", features);
        if (rows.length < k) {
            throw in.fail(rowsAt, "expected at least k = " + k + " reference rows, found " + rows.length);
        }
        long labelsAt = in.offset();
        int[] labels = in.ints("labels", rows.length, 0, FashionClass.COUNT - 1);
        boolean[] seen = new boolean[FashionClass.COUNT];
        for (int label : labels) {
            seen[label] = true;
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw in.fail(labelsAt, "expected every class 0 to 9 among the reference labels, found none of class " + c);
            }
        }
        in.requireEnd();
        return new KNN<>(LinearSearch.of(rows, new EuclideanDistance()), labels, k);
    }
}
