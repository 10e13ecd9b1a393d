package io.github.fmnist.explain.network;

import io.github.fmnist.api.Image;
import java.util.List;
import java.util.Random;

/** Mini-batch Adam training for {@link TestConvNet}, and the shared trained fixture of the faithfulness tests. */
public final class Training {
    /** conv1 8×5×5 (28×28) → conv2 8×3×3 stride 2 (14×14) → global max pool → dense 10. */
    public static final List<TestConvNet.Conv> ARCHITECTURE = List.of(
            new TestConvNet.Conv(8, 5, 1, 2), new TestConvNet.Conv(8, 3, 2, 1));

    private static volatile TestConvNet trained;

    private Training() {
    }

    /** Trains in place; returns the mean loss of the last epoch. */
    public static double train(TestConvNet net, Shapes.Data data, int epochs, int batch, double rate, long seed) {
        return train(net, data.images(), data.labels(), epochs, batch, rate, seed);
    }

    /** Trains in place on normalised images (n × 784) with labels; returns the mean loss of the last epoch. */
    public static double train(TestConvNet net, float[] images, int[] labels, int epochs, int batch, double rate, long seed) {
        Random random = new Random(seed);
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double epochLoss = 0;
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            epochLoss = 0;
            for (int from = 0; from < order.length; from += batch) {
                int to = Math.min(order.length, from + batch);
                TestConvNet.Grads g = net.newGrads();
                for (int k = from; k < to; k++) {
                    epochLoss += net.accumulateLossGradients(images, order[k] * Image.PIXELS, labels[order[k]], g);
                }
                net.adamStep(g, to - from, rate);
            }
            epochLoss /= order.length;
        }
        return epochLoss;
    }

    /** Pooling of the trained fixture: max pooling learns the shapes in one short epoch (average pooling needs many). */
    public static final TestConvNet.Pooling POOLING = TestConvNet.Pooling.GLOBAL_MAX;

    /** The shapes network trained once per JVM (one epoch over 1,200 images, a few seconds), seed 7. */
    public static TestConvNet trainedShapesNet() {
        TestConvNet net = trained;
        if (net == null) {
            synchronized (Training.class) {
                net = trained;
                if (net == null) {
                    net = TestConvNet.random(ARCHITECTURE, POOLING, 7);
                    train(net, Shapes.generate(1200, 11), 1, 16, 0.01, 13);
                    trained = net;
                }
            }
        }
        return net;
    }

    /** Fraction of {@code data} the network classifies correctly. */
    public static double accuracy(TestConvNet net, Shapes.Data data) {
        float[][] p = net.predictNormalized(data.images());
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if (io.github.fmnist.api.model.Prediction.argmax(p[i]) == data.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / p.length;
    }
}
