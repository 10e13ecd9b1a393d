package io.github.fmnist.dl;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy and correct predictions of each training mini-batch, computed from the logits DL4J produces anyway
 * during {@code fit} (so they cost no extra forward pass, and the loss excludes the weight-decay term DL4J adds to
 * its score).
 */
final class BatchMetrics extends BaseTrainingListener {
    private int[] labels = new int[0];
    private int correct;
    private double lossSum;

    /** The labels of the batch about to be fitted: the first {@code size} of {@code batchLabels}. */
    void expect(int[] batchLabels, int size) {
        labels = batchLabels;
        correct = 0;
        lossSum = 0;
    }

    /** Correct predictions in the last fitted batch. */
    int correct() {
        return correct;
    }

    /** Summed cross-entropy of the last fitted batch. */
    double lossSum() {
        return lossSum;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        INDArray logits = activations.get(Architecture.LOGITS);
        // One copy of the whole matrix: INDArray.toFloatMatrix() builds a view and a copy per row.
        float[] flat = logits.dup('c').data().asFloat();
        int classes = (int) logits.size(1);
        int count = 0;
        double loss = 0;
        for (int i = 0, rows = (int) logits.size(0); i < rows; i++) {
            int from = i * classes;
            int best = argmax(flat, from, classes);
            if (best == labels[i]) {
                count++;
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                sum += Math.exp(flat[from + j] - flat[from + best]);
            }
            loss += Math.log(sum) - (flat[from + labels[i]] - flat[from + best]);
        }
        correct = count;
        lossSum = loss;
    }

    static int argmax(float[] row) {
        return argmax(row, 0, row.length);
    }

    /** Index, counted from {@code from}, of the largest of {@code length} values (the first of equal ones). */
    private static int argmax(float[] values, int from, int length) {
        int best = 0;
        for (int j = 1; j < length; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }
}
