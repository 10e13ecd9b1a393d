package io.github.fmnist.hybrid;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.FeatureExtractor;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiFunction;
import smile.classification.LogisticRegression;
import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Which classic head to put on a network's features, measured: the network itself, then multinomial logistic
 * regression at several L2 strengths and an RBF SVM (one-vs-one, Platt-scaled), each trained on the features of the
 * 60,000 training images and evaluated on the 10,000 test images. Not a test; run with {@code -Pmeasure}.
 * Arguments: the network's bundle, then optionally {@code svm} to include the SVM (slow).
 */
public final class HeadMeasurement {
    private HeadMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        FashionMnistData data = FashionMnist.load();
        try (Classifier network = PluginRegistry.discover().loadClassifier(Path.of(args[0]))) {
            FeatureExtractor extractor = network.unwrap(FeatureExtractor.class).orElseThrow();
            report("network " + network.info().providerId(), 0, Evaluation.of(network, data.test()));
            long t0 = System.nanoTime();
            double[][] train = toDouble(extractor.features(data.train().images().toNormalizedNchw()));
            double[][] test = toDouble(extractor.features(data.test().images().toNormalizedNchw()));
            System.out.printf(Locale.ROOT, "features: %d x %d (%s) in %.1f s%n", train.length, train[0].length,
                    extractor.featureLayer(), (System.nanoTime() - t0) / 1e9);
            double[][] scaling = FeatureScaling.fit(train);
            double[][] x = FeatureScaling.apply(scaling, train);
            double[][] xt = FeatureScaling.apply(scaling, test);
            int[] y = data.train().labels();
            for (double lambda : new double[] {0.1, 10, 100}) {
                measure("logreg lambda " + lambda, x, y, xt, data.test(), (a, b) -> {
                    LogisticRegression lr = LogisticRegression.multinomial(a, b, new LogisticRegression.Options(lambda, 1e-5, 500));
                    return v -> {
                        double[] p = new double[FashionClass.COUNT];
                        lr.predict(v, p);
                        return p;
                    };
                });
            }
            if (args.length > 1 && args[1].equals("flip")) {
                flipVariants(extractor, data, train, test, y);
            }
            if (args.length > 1 && args[1].equals("svm")) {
                double sigma = Math.sqrt(train[0].length);
                measure("rbf svm C 10 sigma " + String.format(Locale.ROOT, "%.1f", sigma), x, y, xt, data.test(), (a, b) -> {
                    OneVersusOne<double[]> svm = OneVersusOne.fit(a, b,
                            (xi, yi) -> SVM.fit(xi, yi, new GaussianKernel(sigma), new SVM.Options(10, 1e-3, 1)));
                    return v -> {
                        double[] p = new double[FashionClass.COUNT];
                        svm.predict(v, p);
                        return p;
                    };
                });
            }
        }
    }

    /**
     * The head on the features of the training images and of their mirror images (120,000 rows), predicting from the
     * image alone or from the mean over image and mirror; and on the concatenated features of image and mirror.
     */
    private static void flipVariants(FeatureExtractor extractor, FashionMnistData data, double[][] train, double[][] test,
                                     int[] y) {
        double[][] trainMirror = toDouble(extractor.features(mirror(data.train().images().toNormalizedNchw())));
        double[][] testMirror = toDouble(extractor.features(mirror(data.test().images().toNormalizedNchw())));
        double[][] both = new double[2 * train.length][];
        int[] yy = new int[2 * train.length];
        for (int i = 0; i < train.length; i++) {
            both[i] = train[i];
            both[train.length + i] = trainMirror[i];
            yy[i] = y[i];
            yy[train.length + i] = y[i];
        }
        double[][] scaling = FeatureScaling.fit(both);
        for (double lambda : new double[] {10, 100}) {
            long start = System.nanoTime();
            LogisticRegression lr = LogisticRegression.multinomial(FeatureScaling.apply(scaling, both), yy,
                    new LogisticRegression.Options(lambda, 1e-5, 500));
            double seconds = (System.nanoTime() - start) / 1e9;
            float[][] plain = new float[test.length][];
            float[][] averaged = new float[test.length][];
            for (int i = 0; i < test.length; i++) {
                double[] p = new double[FashionClass.COUNT];
                double[] q = new double[FashionClass.COUNT];
                lr.predict(FeatureScaling.apply(scaling, test[i]), p);
                lr.predict(FeatureScaling.apply(scaling, testMirror[i]), q);
                plain[i] = new float[FashionClass.COUNT];
                averaged[i] = new float[FashionClass.COUNT];
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    plain[i][c] = (float) p[c];
                    averaged[i][c] = (float) ((p[c] + q[c]) / 2);
                }
            }
            report("logreg flip-aug lambda " + lambda, seconds, Evaluation.of(data.test().labels(), plain));
            report("  + mean over mirror", seconds, Evaluation.of(data.test().labels(), averaged));
        }
        double[][] concat = concat(train, trainMirror);
        double[][] concatTest = concat(test, testMirror);
        double[][] cs = FeatureScaling.fit(concat);
        for (double lambda : new double[] {10, 100}) {
            measure("logreg concat lambda " + lambda, FeatureScaling.apply(cs, concat), y, FeatureScaling.apply(cs, concatTest),
                    data.test(), (a, b) -> {
                        LogisticRegression lr = LogisticRegression.multinomial(a, b, new LogisticRegression.Options(lambda, 1e-5, 500));
                        return v -> {
                            double[] p = new double[FashionClass.COUNT];
                            lr.predict(v, p);
                            return p;
                        };
                    });
        }
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length + b[i].length];
            System.arraycopy(a[i], 0, out[i], 0, a[i].length);
            System.arraycopy(b[i], 0, out[i], a[i].length, b[i].length);
        }
        return out;
    }

    private static float[] mirror(float[] nchw) {
        float[] out = new float[nchw.length];
        for (int row = 0; row < nchw.length / 28; row++) {
            for (int x = 0; x < 28; x++) {
                out[row * 28 + x] = nchw[row * 28 + 27 - x];
            }
        }
        return out;
    }

    interface Head {
        double[] probabilities(double[] x);
    }

    private static void measure(String name, double[][] x, int[] y, double[][] xt, LabeledDataset test,
                                BiFunction<double[][], int[], Head> fit) {
        long start = System.nanoTime();
        Head head = fit.apply(x, y);
        double seconds = (System.nanoTime() - start) / 1e9;
        float[][] p = new float[xt.length][];
        java.util.stream.IntStream.range(0, xt.length).parallel().forEach(i -> {
            double[] row = head.probabilities(xt[i]);
            p[i] = new float[row.length];
            for (int c = 0; c < row.length; c++) {
                p[i][c] = (float) row[c];
            }
        });
        report(name, seconds, Evaluation.of(test.labels(), p));
    }

    private static void report(String name, double seconds, Evaluation e) {
        System.out.printf(Locale.ROOT, "%-28s accuracy %.4f  Shirt F1 %.4f  log-loss %.4f  train %.1f s%n", name,
                e.accuracy(), e.perClass().get(FashionClass.SHIRT.label()).f1(), e.logLoss(), seconds);
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = rows[i][j];
            }
        }
        return out;
    }
}
