package io.github.fmnist.api.eval;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Prediction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Metrics of a classifier on labelled data: accuracy, log-loss, confusion matrix, per-class
 * precision/recall/F1, macro and weighted averages, the most confused pairs, and a text report in the
 * layout of scikit-learn's {@code classification_report}.
 *
 * <pre>{@code
 * Evaluation e = Evaluation.of(classifier, data.test());
 * System.out.println(e.accuracy());
 * System.out.println(e.classificationReport());
 * e.topConfusions(3).forEach(System.out::println);   // e.g. Shirt → T-shirt/top: 131
 * }</pre>
 */
public final class Evaluation {
    /** Probabilities are clipped to [ε, 1] before the logarithm, as scikit-learn does for float32 input. */
    static final double LOG_LOSS_EPSILON = 1e-7;
    private static final int BATCH = 512;

    private final ConfusionMatrix confusion;
    private final double logLoss;

    private Evaluation(ConfusionMatrix confusion, double logLoss) {
        this.confusion = confusion;
        this.logLoss = logLoss;
    }

    /**
     * Evaluates from true labels and predicted probability rows.
     *
     * @throws InvalidInputException if the counts differ, there are no examples, or a row is not ten values
     */
    public static Evaluation of(int[] trueLabels, float[][] probabilities) {
        if (trueLabels.length != probabilities.length) {
            throw new InvalidInputException(trueLabels.length + " labels but " + probabilities.length + " probability rows");
        }
        if (trueLabels.length == 0) {
            throw new InvalidInputException("cannot evaluate zero examples");
        }
        int[] predicted = new int[trueLabels.length];
        double lossSum = 0;
        for (int i = 0; i < trueLabels.length; i++) {
            float[] row = probabilities[i];
            if (row.length != FashionClass.COUNT) {
                throw new InvalidInputException("probability row " + i + " has " + row.length + " values, expected 10");
            }
            predicted[i] = Prediction.argmax(row);
            double sum = 0;
            for (float v : row) {
                sum += v;
            }
            double p = row[FashionClass.of(trueLabels[i]).label()] / sum;
            lossSum -= Math.log(Math.min(1.0, Math.max(LOG_LOSS_EPSILON, p)));
        }
        return new Evaluation(ConfusionMatrix.of(trueLabels, predicted), lossSum / trueLabels.length);
    }

    /** Runs {@code classifier} over {@code data} in batches and evaluates the result. */
    public static Evaluation of(Classifier classifier, LabeledDataset data) {
        if (data.isEmpty()) {
            throw new InvalidInputException("cannot evaluate zero examples");
        }
        float[][] probabilities = new float[data.size()][];
        for (int from = 0; from < data.size(); from += BATCH) {
            int to = Math.min(data.size(), from + BATCH);
            float[][] rows = classifier.predictProbabilities(data.images().slice(from, to));
            System.arraycopy(rows, 0, probabilities, from, rows.length);
        }
        return of(data.labels(), probabilities);
    }

    /** Fraction of examples classified correctly. */
    public double accuracy() {
        return (double) confusion.correct() / confusion.total();
    }

    /** Mean cross-entropy of the true class's probability (natural log). */
    public double logLoss() {
        return logLoss;
    }

    /** Number of examples evaluated. */
    public int size() {
        return confusion.total();
    }

    public ConfusionMatrix confusionMatrix() {
        return confusion;
    }

    /** Precision, recall, F1 and support of every class, in label order. */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> out = new ArrayList<>(FashionClass.COUNT);
        for (FashionClass c : FashionClass.values()) {
            int tp = confusion.count(c, c);
            int support = confusion.support(c);
            int predicted = confusion.predictedCount(c);
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.add(new ClassMetrics(c, precision, recall, f1, support));
        }
        return out;
    }

    /** Unweighted mean over the classes. */
    public AverageMetrics macroAverage() {
        List<ClassMetrics> all = perClass();
        return new AverageMetrics(
                all.stream().mapToDouble(ClassMetrics::precision).average().orElse(0),
                all.stream().mapToDouble(ClassMetrics::recall).average().orElse(0),
                all.stream().mapToDouble(ClassMetrics::f1).average().orElse(0),
                size());
    }

    /** Mean over the classes weighted by support. */
    public AverageMetrics weightedAverage() {
        double p = 0;
        double r = 0;
        double f = 0;
        int total = size();
        for (ClassMetrics m : perClass()) {
            double w = (double) m.support() / total;
            p += w * m.precision();
            r += w * m.recall();
            f += w * m.f1();
        }
        return new AverageMetrics(p, r, f, total);
    }

    /** The {@code k} largest off-diagonal cells, largest first (ties in label order). */
    public List<ConfusedPair> topConfusions(int k) {
        List<ConfusedPair> pairs = new ArrayList<>();
        for (FashionClass actual : FashionClass.values()) {
            int support = confusion.support(actual);
            for (FashionClass predicted : FashionClass.values()) {
                int n = confusion.count(actual, predicted);
                if (actual != predicted && n > 0) {
                    pairs.add(new ConfusedPair(actual, predicted, n, (double) n / support));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(ConfusedPair::count).reversed());
        return List.copyOf(pairs.subList(0, Math.min(k, pairs.size())));
    }

    /** The per-class report in scikit-learn's {@code classification_report} layout, two decimals. */
    public String classificationReport() {
        return ClassificationReport.render(this, 2);
    }

    /** The report with {@code digits} decimals. */
    public String classificationReport(int digits) {
        return ClassificationReport.render(this, digits);
    }
}
