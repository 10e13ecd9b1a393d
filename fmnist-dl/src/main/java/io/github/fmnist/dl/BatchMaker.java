package io.github.fmnist.dl;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.augment.Augmenter;
import java.util.Arrays;

/**
 * Builds training mini-batch {@code b} of an epoch: the examples {@code indices} of the training set, augmented
 * with a seed derived from (training seed, epoch, batch), normalised to [0, 1], with one-hot targets. A pure
 * function of its inputs, so batches can be built ahead on another thread and still be the same batches.
 */
final class BatchMaker {
    private final LabeledDataset train;
    private final Augmenter augmenter;
    private final boolean augments;
    private final long seed;

    BatchMaker(LabeledDataset train, Augmenter augmenter, boolean augments, long seed) {
        this.train = train;
        this.augmenter = augmenter;
        this.augments = augments;
        this.seed = seed;
    }

    /** Writes batch {@code b} of {@code epoch}, made of the examples {@code indices}, into {@code into}. */
    void make(int epoch, int b, int[] indices, HostBatch into) {
        LabeledDataset batch = train.select(indices);
        ImageBatch images = augments ? augmenter.apply(batch.images(), mix(seed, epoch, b)) : batch.images();
        int n = indices.length;
        into.resize(n);
        float[] features = into.features();
        for (int i = 0; i < n; i++) {
            images.writeNormalized(i, features, i * Image.PIXELS);
        }
        float[] targets = into.targets();
        Arrays.fill(targets, 0, n * HostBatch.CLASSES, 0f);
        int[] labels = into.labels();
        for (int i = 0; i < n; i++) {
            labels[i] = batch.label(i);
            targets[i * HostBatch.CLASSES + labels[i]] = 1;
        }
    }

    /** A seed for augmenting batch {@code batch} of {@code epoch}, distinct for every pair. */
    static long mix(long seed, int epoch, int batch) {
        long z = seed + 0x9E3779B97F4A7C15L * (((long) epoch << 32) | batch) + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
