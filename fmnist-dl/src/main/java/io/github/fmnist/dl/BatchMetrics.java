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
        float[][] rows = activations.get(Architecture.LOGITS).toFloatMatrix();
        int count = 0;
        double loss = 0;
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            int best = argmax(row);
            if (best == labels[i]) {
                count++;
            }
            double sum = 0;
            for (float v : row) {
                sum += Math.exp(v - row[best]);
            }
            loss += Math.log(sum) - (row[labels[i]] - row[best]);
        }
        correct = count;
        lossSum = loss;
    }

    static int argmax(float[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
