package example;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSplit;
import io.github.fmnist.data.split.TrainValidationSplit;
import java.util.List;

/** Loads Fashion-MNIST, splits it, and prints the classification report of a nearest-centroid classifier. */
public final class CentroidReport {

    public static void main(String[] args) {
        FashionMnistData data = FashionMnist.load();
        TrainValidationSplit split = StratifiedSplit.split(data.train(), 0.1, 42L);
        Classifier centroids = new NearestCentroid(split.train());
        Evaluation validation = Evaluation.of(centroids, split.validation());
        Evaluation test = Evaluation.of(centroids, data.test());
        System.out.printf("train %d, validation %d, test %d%n", split.train().size(), split.validation().size(),
                data.test().size());
        System.out.printf("validation accuracy %.4f, test accuracy %.4f%n%n", validation.accuracy(), test.accuracy());
        System.out.println(test.classificationReport());
        System.out.println("most confused: " + test.topConfusions(3));
    }

    /** Class mean images; probability from a softmax over negative squared distances. */
    private static final class NearestCentroid implements Classifier {
        private final float[][] means = new float[FashionClass.COUNT][Image.PIXELS];

        NearestCentroid(LabeledDataset train) {
            int[] counts = train.classCounts();
            float[] x = new float[Image.PIXELS];
            for (int i = 0; i < train.size(); i++) {
                train.images().writeNormalized(i, x, 0);
                for (int p = 0; p < Image.PIXELS; p++) {
                    means[train.label(i)][p] += x[p] / counts[train.label(i)];
                }
            }
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("example-centroid", "1", Hyperparameters.defaults(List.of()));
        }

        @Override
        public float[][] predictNormalized(float[] nchw) {
            int n = Classifier.imageCount(nchw);
            float[][] out = new float[n][FashionClass.COUNT];
            for (int i = 0; i < n; i++) {
                double[] score = new double[FashionClass.COUNT];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    double d = 0;
                    for (int p = 0; p < Image.PIXELS; p++) {
                        double diff = nchw[i * Image.PIXELS + p] - means[c][p];
                        d += diff * diff;
                    }
                    score[c] = -d / 4;
                    max = Math.max(max, score[c]);
                }
                double sum = 0;
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    score[c] = Math.exp(score[c] - max);
                    sum += score[c];
                }
                for (int c = 0; c < FashionClass.COUNT; c++) {
                    out[i][c] = (float) (score[c] / sum);
                }
            }
            return out;
        }

        @Override
        public void writePayload(PayloadSink sink) {
            throw new UnsupportedOperationException("this example does not save models");
        }
    }
}
