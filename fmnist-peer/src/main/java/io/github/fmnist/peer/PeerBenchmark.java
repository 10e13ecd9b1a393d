package io.github.fmnist.peer;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.batch.MiniBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One epoch of the seed CNN on fmnist and on DJL + PyTorch in one process, same images, same batch order, same
 * settings, and the ratio of the epoch times. Arguments: order ({@code fmnist,pytorch}), training images (the first
 * N of the training set), batch size, threads, seed. Run through the {@code peer} profile (see the module README).
 */
public final class PeerBenchmark {
    private PeerBenchmark() {
    }

    public static void main(String[] args) {
        String[] order = args[0].split(",");
        int images = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);
        LabeledDataset all = FashionMnist.load().train();
        LabeledDataset train = images >= all.size() ? all : all.slice(0, images);
        List<int[]> batches = MiniBatches.shuffled(train.size(), batch, seed, 0);
        print("seed CNN, one epoch: %d images, batch %d, Adam 1e-3, %d threads (OMP_NUM_THREADS=%s, OMP_WAIT_POLICY=%s), seed %d",
                train.size(), batch, threads, System.getenv("OMP_NUM_THREADS"), System.getenv("OMP_WAIT_POLICY"), seed);
        List<EpochResult> results = new ArrayList<>();
        for (String stack : order) {
            EpochResult r = switch (stack.trim()) {
                case "fmnist" -> FmnistSeedCnn.trainEpoch(train, batch, threads, seed);
                case "pytorch" -> PyTorchSeedCnn.trainEpoch(train, batches, batch, seed);
                default -> throw new IllegalArgumentException("unknown stack '" + stack + "': fmnist or pytorch");
            };
            print("%-60s %7.1f s  (train loss %.4f)", r.stack(), r.seconds(), r.trainLoss());
            results.add(r);
        }
        EpochResult fmnist = results.stream().filter(r -> r.stack().startsWith("fmnist")).findFirst().orElse(null);
        EpochResult pytorch = results.stream().filter(r -> r.stack().startsWith("DJL")).findFirst().orElse(null);
        if (fmnist != null && pytorch != null) {
            print("epoch time fmnist / PyTorch = %.2f", fmnist.seconds() / pytorch.seconds());
        }
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
