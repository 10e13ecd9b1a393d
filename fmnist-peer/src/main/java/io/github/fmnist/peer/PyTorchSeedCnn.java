package io.github.fmnist.peer;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.LabeledDataset;
import java.util.List;

/**
 * The seed CNN on DJL's PyTorch engine, trained for one epoch over the given batches exactly as fmnist's
 * {@code cnn} {@code paper} preset trains it: unpadded 3×3 convolutions 32/64/128 with ReLU, max pooling 2 after the
 * first two, flatten, dense 128 ReLU, dropout 0.5, dense 10, softmax cross-entropy; Glorot-uniform weights; Adam
 * 1e-3 (β 0.9/0.999, ε 1e-8, DL4J's defaults too).
 */
final class PyTorchSeedCnn {
    private PyTorchSeedCnn() {
    }

    /** Trains one epoch and returns its result; the clock runs from the first batch to the last step. */
    static EpochResult trainEpoch(LabeledDataset train, List<int[]> batches, int batchSize, long seed) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        try (Model model = Model.newInstance("seed-cnn", "PyTorch")) {
            model.setBlock(network());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                            XavierInitializer.FactorType.AVG, 3f), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(batchSize, 1, Image.SIDE, Image.SIDE));
                long start = System.nanoTime();
                double lossSum = 0;
                for (int[] indices : batches) {
                    LabeledDataset batch = train.select(indices);
                    int n = indices.length;
                    float[] labels = new float[n];
                    for (int i = 0; i < n; i++) {
                        labels[i] = batch.label(i);
                    }
                    try (NDManager step = trainer.getManager().newSubManager()) {
                        NDArray x = step.create(batch.images().toNormalizedNchw(), new Shape(n, 1, Image.SIDE, Image.SIDE));
                        NDArray y = step.create(labels, new Shape(n));
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                            collector.backward(loss);
                            lossSum += loss.getFloat() * n;
                        }
                        trainer.step();
                    }
                }
                return new EpochResult("DJL " + Engine.getDjlVersion() + " / PyTorch " + engine.getVersion(), (System.nanoTime() - start) / 1e9,
                        lossSum / train.size());
            }
        }
    }

    private static SequentialBlock network() {
        SequentialBlock net = new SequentialBlock();
        int[] channels = {32, 64, 128};
        for (int i = 0; i < channels.length; i++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(channels[i]).build());
            net.add(Activation.reluBlock());
            if (i < channels.length - 1) {
                net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        net.add(Blocks.batchFlattenBlock());
        net.add(Linear.builder().setUnits(128).build());
        net.add(Activation.reluBlock());
        net.add(Dropout.builder().optRate(0.5f).build());
        net.add(Linear.builder().setUnits(10).build());
        return net;
    }
}
