package io.github.fmnist.dl;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts correct predictions of each training mini-batch from the logits DL4J computes anyway during
 * {@code fit}, so training accuracy costs no extra forward pass.
 */
final class LogitsAccuracy extends BaseTrainingListener {
    private int[] labels = new int[0];
    private int correct;

    /** The labels of the batch about to be fitted. */
    void expect(int[] batchLabels) {
        labels = batchLabels;
        correct = 0;
    }

    /** Correct predictions in the last fitted batch. */
    int correct() {
        return correct;
    }

    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        INDArray logits = activations.get(Architecture.LOGITS);
        float[][] rows = logits.toFloatMatrix();
        int count = 0;
        for (int i = 0; i < rows.length; i++) {
            if (argmax(rows[i]) == labels[i]) {
                count++;
            }
        }
        correct = count;
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
