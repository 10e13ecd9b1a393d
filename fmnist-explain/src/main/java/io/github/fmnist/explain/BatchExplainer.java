package io.github.fmnist.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.Explanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Explains many images with one explainer on a fixed number of threads, results in image order. A
 * {@link BatchedExplainer} (the Grad-CAM family) gets contiguous chunks of up to 64 images, one
 * batched network pass each; other explainers get one image per task. Relies on the explainer being
 * thread-safe, which fmnist's explainers are whenever their classifier is (every {@code Classifier} must be).
 * Use parallelism 1 for a single-threaded run.
 *
 * <pre>{@code
 * List<Explanation> maps = new BatchExplainer(gradCam, 2).explainPredicted(testImages.slice(0, 100));
 * }</pre>
 */
public final class BatchExplainer {
    /** Most images per chunk for a batched explainer: past this, larger passes are no faster. */
    private static final int CHUNK = 64;

    private final Explainer explainer;
    private final int parallelism;

    /** @param parallelism threads to use, at least 1 */
    public BatchExplainer(Explainer explainer, int parallelism) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        if (parallelism < 1) {
            throw new InvalidInputException("parallelism must be at least 1, found " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Each image explained for the class the classifier predicts for it. */
    public List<Explanation> explainPredicted(ImageBatch images) {
        if (explainer instanceof BatchedExplainer batched) {
            return inChunks(images.size(), (from, to) -> batched.explainAllPredicted(images.slice(from, to)));
        }
        return run(images.size(), i -> explainer.explainPredicted(images.get(i)));
    }

    /**
     * Image {@code i} explained for {@code targets.get(i)}.
     *
     * @throws InvalidInputException if the counts differ
     */
    public List<Explanation> explain(ImageBatch images, List<FashionClass> targets) {
        if (images.size() != targets.size()) {
            throw new InvalidInputException(images.size() + " images but " + targets.size() + " target classes");
        }
        if (explainer instanceof BatchedExplainer) {
            return inChunks(images.size(), (from, to) -> explainer.explainAll(images.slice(from, to), targets.subList(from, to)));
        }
        return run(images.size(), i -> explainer.explain(images.get(i), targets.get(i)));
    }

    private List<Explanation> run(int count, IntFunction<Explanation> task) {
        if (parallelism == 1 || count < 2) {
            return IntStream.range(0, count).mapToObj(task).toList();
        }
        return onPool(() -> IntStream.range(0, count).parallel().mapToObj(task).toList());
    }

    /** Contiguous chunks of at most {@link #CHUNK} images, at least one per thread, joined in image order. */
    private List<Explanation> inChunks(int count, BiFunction<Integer, Integer, List<Explanation>> chunk) {
        int size = Math.max(1, Math.min(CHUNK, Math.ceilDiv(count, parallelism)));
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < count; from += size) {
            ranges.add(new int[] {from, Math.min(count, from + size)});
        }
        Function<int[], List<Explanation>> task = r -> chunk.apply(r[0], r[1]);
        if (parallelism == 1 || ranges.size() < 2) {
            return ranges.stream().map(task).flatMap(List::stream).toList();
        }
        return onPool(() -> ranges.parallelStream().map(task).flatMap(List::stream).toList());
    }

    private List<Explanation> onPool(Callable<List<Explanation>> work) {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return pool.submit(work).join();
        } finally {
            pool.shutdown();
        }
    }
}
