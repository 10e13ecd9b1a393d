package io.github.fmnist.dl;

import io.github.fmnist.api.LabeledDataset;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Mean cross-entropy and accuracy of a network on labelled examples, in inference mode.
 *
 * @param loss     mean of −ln p(true class)
 * @param accuracy share of examples whose most probable class is the true one
 */
record EvaluationResult(double loss, double accuracy) {
    static final EvaluationResult NONE = new EvaluationResult(Double.NaN, Double.NaN);
    private static final int CHUNK = 500;
    private static final double MIN_PROBABILITY = 1e-12;

    static EvaluationResult of(ComputationGraph network, LabeledDataset data) {
        double loss = 0;
        long correct = 0;
        for (int from = 0; from < data.size(); from += CHUNK) {
            int to = Math.min(data.size(), from + CHUNK);
            LabeledDataset part = data.slice(from, to);
            float[][] probabilities = GraphClassifier.probabilities(network, part.images().toNormalizedNchw(), to - from);
            for (int i = 0; i < probabilities.length; i++) {
                int label = part.label(i);
                loss -= Math.log(Math.max(MIN_PROBABILITY, probabilities[i][label]));
                if (BatchMetrics.argmax(probabilities[i]) == label) {
                    correct++;
                }
            }
        }
        return new EvaluationResult(loss / data.size(), (double) correct / data.size());
    }

}
