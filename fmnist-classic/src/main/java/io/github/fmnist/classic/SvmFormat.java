package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import smile.classification.Classifier;
import smile.classification.OneVersusOne;
import smile.classification.PlattScaling;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * The {@code svm} model as numbers: the Gaussian kernel's σ; the support vectors of all 45 pairs once each (pairs
 * share training rows, so each distinct vector is stored once, as {@link FeatureRows}); then per pair (i, j) with
 * 0 ≤ j < i < 10, in that order, its support-vector count, their indices into the shared rows, their weights, the
 * intercept and the Platt sigmoid's α and β. Rebuilt into Smile's {@code SVM}, {@code PlattScaling} and
 * {@code OneVersusOne} from those numbers, so predictions are Smile's own.
 */
final class SvmFormat {
    private SvmFormat() {
    }

    @SuppressWarnings("unchecked")
    static void write(OneVersusOne<double[]> model, PayloadWriter out) throws IOException {
        Classifier<double[]>[][] pairs = (Classifier<double[]>[][]) SmileInternals.field(model, OneVersusOne.class, "classifiers");
        PlattScaling[][] platt = (PlattScaling[][]) SmileInternals.field(model, OneVersusOne.class, "platt");
        if (pairs.length != FashionClass.COUNT || platt == null) {
            throw new UnsupportedFeatureException("only a ten-class one-vs-one SVM with Platt scaling can be stored");
        }
        Map<double[], Integer> index = new IdentityHashMap<>();
        List<double[]> rows = new ArrayList<>();
        double sigma = Double.NaN;
        for (int i = 1; i < pairs.length; i++) {
            for (int j = 0; j < i; j++) {
                SVM<double[]> svm = (SVM<double[]>) pairs[i][j];
                if (!(svm.kernel() instanceof GaussianKernel kernel)) {
                    throw new UnsupportedFeatureException("only Gaussian-kernel SVMs can be stored, found " + svm.kernel());
                }
                if (!Double.isNaN(sigma) && kernel.scale() != sigma) {
                    throw new UnsupportedFeatureException("the pairs' kernels differ: sigma " + sigma + " and " + kernel.scale());
                }
                sigma = kernel.scale();
                for (double[] v : svm.vectors()) {
                    index.computeIfAbsent(v, key -> {
                        rows.add(key);
                        return rows.size() - 1;
                    });
                }
            }
        }
        int features = rows.isEmpty() ? 1 : rows.get(0).length;
        out.doubleValue(sigma);
        FeatureRows.write(out, rows.toArray(new double[0][]), features);
        for (int i = 1; i < pairs.length; i++) {
            for (int j = 0; j < i; j++) {
                SVM<double[]> svm = (SVM<double[]>) pairs[i][j];
                double[][] vectors = svm.vectors();
                int[] ids = new int[vectors.length];
                for (int v = 0; v < vectors.length; v++) {
                    ids[v] = index.get(vectors[v]);
                }
                out.count(ids.length);
                out.ints(ids);
                out.doubles(svm.weights());
                out.doubleValue(svm.intercept());
                out.doubleValue(SmileInternals.doubleField(platt[i][j], PlattScaling.class, "alpha"));
                out.doubleValue(SmileInternals.doubleField(platt[i][j], PlattScaling.class, "beta"));
            }
        }
    }

    /** Rebuilds the model written by {@link #write}, for {@code features} input features. */
    @SuppressWarnings("unchecked")
    static OneVersusOne<double[]> read(PayloadReader in, int features) {
        long at = in.offset();
        double sigma = in.finiteDouble("kernel sigma");
        if (!(sigma > 0)) {
            throw in.fail(at, "expected a positive kernel sigma, found " + sigma);
        }
        double[][] rows = FeatureRows.read(in, "support vectors", features);
        GaussianKernel kernel = new GaussianKernel(sigma);
        int k = FashionClass.COUNT;
        Classifier<double[]>[][] pairs = new Classifier[k][];
        PlattScaling[][] platt = new PlattScaling[k][];
        for (int i = 1; i < k; i++) {
            pairs[i] = new Classifier[i];
            platt[i] = new PlattScaling[i];
            for (int j = 0; j < i; j++) {
                String pair = "pair (" + i + ", " + j + ")";
                int m = in.count("support vectors of " + pair, rows.length, Integer.BYTES + Double.BYTES);
                int[] ids = in.ints("support-vector indices of " + pair, m, 0, rows.length - 1);
                double[] weights = in.finiteDoubles("support-vector weights of " + pair, m);
                double b = in.finiteDouble("intercept of " + pair);
                double alpha = in.finiteDouble("Platt alpha of " + pair);
                double beta = in.finiteDouble("Platt beta of " + pair);
                double[][] vectors = new double[m][];
                for (int v = 0; v < m; v++) {
                    vectors[v] = rows[ids[v]];
                }
                pairs[i][j] = new SVM<>(kernel, vectors, weights, b);
                platt[i][j] = new PlattScaling(alpha, beta);
            }
        }
        in.requireEnd();
        return new OneVersusOne<>(pairs, platt);
    }
}
