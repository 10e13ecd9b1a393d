package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.EpochMetrics;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;
import smile.math.MathEx;
import smile.model.mlp.Layer;
import smile.model.mlp.OutputFunction;
import smile.util.IntSet;
import smile.util.function.TimeFunction;

/**
 * Trains Smile's MLP with mini-batch SGD (momentum optional, learning rate constant or decaying linearly
 * epoch by epoch), one epoch at a time on the calling thread
 * (Smile keeps gradients in thread-locals), reporting each epoch and checking for cancellation every few
 * mini-batches. Deterministic for a fixed seed: the weights are initialised and the epochs shuffled from
 * Smile's generator on the training thread, seeded first; BLAS must run with a fixed thread count.
 */
final class MlpTrainer {
    /** Mini-batches between cancellation checks. */
    private static final int CANCEL_CHECK_BATCHES = 50;
    /** Training images scored after each epoch for the reported training loss and accuracy. */
    static final int TRAIN_SAMPLE = 2_000;

    private final int hidden;
    private final int epochs;
    private final int miniBatch;
    private final double learningRate;
    private final double momentum;
    private final double weightDecay;
    private final boolean linearDecay;

    MlpTrainer(int hidden, int epochs, int miniBatch, double learningRate, double momentum, double weightDecay,
               boolean linearDecay) {
        this.hidden = hidden;
        this.epochs = epochs;
        this.miniBatch = miniBatch;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.linearDecay = linearDecay;
    }

    /** The learning rate of 1-based {@code epoch}: constant, or falling linearly to {@code rate / epochs} in the last epoch. */
    double learningRate(int epoch) {
        return linearDecay ? learningRate * (epochs - epoch + 1) / epochs : learningRate;
    }

    ExportableMlp fit(LabeledDataset train, int[] labels, LabeledDataset validation, long seed, TrainingReporter reporter) {
        double[][] x = PixelFeatures.rows(train);
        int n = x.length;
        ClassicModels.seed(seed);
        ExportableMlp model = new ExportableMlp(IntSet.of(FashionClass.COUNT), Layer.input(Image.PIXELS),
                Layer.rectifier(hidden), Layer.mle(FashionClass.COUNT, OutputFunction.SOFTMAX));
        if (momentum > 0) {
            model.setMomentum(TimeFunction.constant(momentum));
        }
        if (weightDecay > 0) {
            model.setWeightDecay(weightDecay);
        }
        double[][] validationRows = validation.isEmpty() ? new double[0][] : PixelFeatures.rows(validation);
        int[] validationLabels = validation.labels();
        int sample = Math.min(TRAIN_SAMPLE, n);
        double[][] sampleRows = Arrays.copyOf(x, sample);
        int[] sampleLabels = Arrays.copyOf(labels, sample);

        double[][] batchX = new double[miniBatch][];
        int[] batchY = new int[miniBatch];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            model.setLearningRate(TimeFunction.constant(learningRate(epoch)));
            int[] order = MathEx.permutate(n);
            for (int from = 0, step = 0; from < n; from += miniBatch, step++) {
                int size = Math.min(miniBatch, n - from);
                for (int j = 0; j < size; j++) {
                    batchX[j] = x[order[from + j]];
                    batchY[j] = labels[order[from + j]];
                }
                if (size == miniBatch) {
                    model.step(batchX, batchY);
                } else {
                    model.step(Arrays.copyOf(batchX, size), Arrays.copyOf(batchY, size));
                }
                if (step % CANCEL_CHECK_BATCHES == 0) {
                    reporter.checkCancelled();
                }
            }
            double[] trainScore = score(model, sampleRows, sampleLabels);
            double[] validationScore = validationRows.length == 0 ? new double[] {Double.NaN, Double.NaN}
                    : score(model, validationRows, validationLabels);
            reporter.epoch(new EpochMetrics(epoch, trainScore[0], trainScore[1], validationScore[0], validationScore[1],
                    Duration.ofNanos(System.nanoTime() - start)));
        }
        return model;
    }

    /** Mean cross-entropy and accuracy, computed in parallel. */
    private static double[] score(ExportableMlp model, double[][] rows, int[] labels) {
        double[] loss = new double[rows.length];
        boolean[] correct = new boolean[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(i -> {
            double[] p = new double[FashionClass.COUNT];
            int predicted = model.predict(rows[i], p);
            loss[i] = -Math.log(Math.max(p[labels[i]], 1e-12));
            correct[i] = predicted == labels[i];
        });
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += loss[i];
            hits += correct[i] ? 1 : 0;
        }
        return new double[] {sum / rows.length, (double) hits / rows.length};
    }
}
