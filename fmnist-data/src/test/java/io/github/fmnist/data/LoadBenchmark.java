package io.github.fmnist.data;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.data.idx.IdxImageReader;
import io.github.fmnist.data.idx.IdxLabelReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Benchmark (not a test): time to load all 70,000 Fashion-MNIST images and labels, against {@code zcat} of the same
 * files. Target: the IDX readers within 1.5× of {@code zcat}.
 *
 * <p>Run on a quiet machine (CPU-heavy, so queue it behind other heavy jobs):
 * <pre>
 * flock /tmp/fmnist-heavy.lock nice -n 5 ./mvnw -q -pl fmnist-data -Pbenchmark verify -DskipTests
 * </pre>
 * Optional: {@code -Dfmnist.benchmark.dir=DIR} (default {@code /usr/share/datasets/fashion-mnist}) and
 * {@code -Dfmnist.benchmark.rounds=N} (default 7). Each variant is warmed up, then the minimum and median of the
 * measured rounds are printed.
 */
public final class LoadBenchmark {
    private static final List<String> FILES = DatasetFiles.NAMES;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : FashionMnist.DEBIAN_DIRECTORY.toString());
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<Path> files = new ArrayList<>();
        for (String name : FILES) {
            files.add(DatasetFiles.find(dir, name).orElseThrow(() -> new IllegalArgumentException(
                    name + " not found in " + dir + "; install dataset-fashion-mnist or pass a directory")));
        }
        System.out.printf("Fashion-MNIST load benchmark: %s, %d rounds, Java %s, %d CPUs%n", dir, rounds,
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        long[] zcat = measure(rounds, () -> zcat(files));
        long[] readers = measure(rounds, () -> readAll(files));
        long[] load = measure(rounds, () -> FashionMnist.load(dir).train().size());

        report("zcat of the 4 files > /dev/null", zcat, zcat);
        report("IdxImageReader/IdxLabelReader, 4 files", readers, zcat);
        report("FashionMnist.load (+ SHA-256, datasets)", load, zcat);
        double ratio = (double) median(readers) / median(zcat);
        System.out.printf("Readers / zcat (median): %.2f× — target ≤ 1.5×: %s%n", ratio,
                ratio <= 1.5 ? "met" : "NOT met");
    }

    private static long readAll(List<Path> files) {
        long images = 0;
        long labels = 0;
        for (Path file : files) {
            if (file.getFileName().toString().contains("images")) {
                ImageBatch batch = IdxImageReader.read(file);
                images += batch.size();
            } else {
                labels += IdxLabelReader.read(file).length;
            }
        }
        if (images != 70_000 || labels != 70_000) {
            throw new IllegalStateException("expected 70,000 images and labels, found " + images + " and " + labels);
        }
        return images;
    }

    private static long zcat(List<Path> files) {
        List<String> command = new ArrayList<>();
        command.add("zcat");
        files.forEach(f -> command.add(f.toString()));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("zcat exited with " + exit);
            }
            return exit;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run zcat", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Two warm-up runs, then {@code rounds} timed runs; returns the times in nanoseconds. */
    private static long[] measure(int rounds, LongSupplier work) {
        long sink = 0;
        for (int i = 0; i < 2; i++) {
            sink += work.getAsLong();
        }
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            System.gc();
            long start = System.nanoTime();
            sink += work.getAsLong();
            times[i] = System.nanoTime() - start;
        }
        if (sink == 42) {
            System.out.println();
        }
        return times;
    }

    private static void report(String what, long[] times, long[] zcat) {
        System.out.printf("%-42s min %7.1f ms   median %7.1f ms   median/zcat %.2f×%n", what, min(times) / 1e6,
                median(times) / 1e6, (double) median(times) / median(zcat));
    }

    private static long min(long[] times) {
        return Arrays.stream(times).min().orElseThrow();
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
