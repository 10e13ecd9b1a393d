package io.github.fmnist.dl;

import io.github.fmnist.api.Image;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network's input and target arrays, allocated once per batch size (the full size and the last, shorter
 * batch) outside any workspace and refilled from a {@link HostBatch} for every step, instead of two new off-heap
 * arrays per step. Used on the training thread only. Without reuse (the sequential loop kept for comparison)
 * every step gets fresh arrays, closed at the next step.
 */
final class BatchArrays implements AutoCloseable {
    private INDArray fullFeatures;
    private INDArray fullTargets;
    private INDArray shortFeatures;
    private INDArray shortTargets;
    private final int fullSize;
    private final boolean reuse;

    BatchArrays(int fullSize, boolean reuse) {
        this.fullSize = fullSize;
        this.reuse = reuse;
    }

    /** A data set over this object's arrays holding {@code batch}; valid until the next call. */
    DataSet load(HostBatch batch) {
        int n = batch.size();
        INDArray features;
        INDArray targets;
        if (!reuse) {
            close();
            fullFeatures = Nd4j.create(Arrays.copyOf(batch.features(), n * Image.PIXELS), new long[] {n, 1, Image.SIDE, Image.SIDE}, 'c');
            fullTargets = Nd4j.create(Arrays.copyOf(batch.targets(), n * HostBatch.CLASSES), new long[] {n, HostBatch.CLASSES}, 'c');
            return new DataSet(fullFeatures, fullTargets);
        }
        if (n == fullSize) {
            if (fullFeatures == null) {
                fullFeatures = features(n);
                fullTargets = targets(n);
            }
            features = fullFeatures;
            targets = fullTargets;
        } else {
            if (shortFeatures == null || shortFeatures.size(0) != n) {
                closeShort();
                shortFeatures = features(n);
                shortTargets = targets(n);
            }
            features = shortFeatures;
            targets = shortTargets;
        }
        copy(batch.features(), n * Image.PIXELS, features);
        copy(batch.targets(), n * HostBatch.CLASSES, targets);
        return new DataSet(features, targets);
    }

    private static void copy(float[] from, int length, INDArray to) {
        FloatBuffer view = to.data().asNioFloat();
        view.put(from, 0, length);
    }

    private static INDArray features(int n) {
        return Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', n, 1, Image.SIDE, Image.SIDE);
    }

    private static INDArray targets(int n) {
        return Nd4j.createUninitializedDetached(DataType.FLOAT, 'c', n, HostBatch.CLASSES);
    }

    private void closeShort() {
        if (shortFeatures != null) {
            shortFeatures.close();
            shortTargets.close();
            shortFeatures = null;
            shortTargets = null;
        }
    }

    @Override
    public void close() {
        if (fullFeatures != null) {
            fullFeatures.close();
            fullTargets.close();
            fullFeatures = null;
            fullTargets = null;
        }
        closeShort();
    }
}
