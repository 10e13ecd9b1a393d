package io.github.fmnist.explain;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.explain.Explainer;
import io.github.fmnist.api.explain.Explanation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Explains many images with one explainer on a fixed number of threads, results in image order.
 * Relies on the explainer being thread-safe, which fmnist's explainers are whenever their classifier is
 * (every {@code Classifier} must be). Use parallelism 1 for a single-threaded run.
 *
 * <pre>{@code
 * List<Explanation> maps = new BatchExplainer(gradCam, 2).explainPredicted(testImages.slice(0, 100));
 * }</pre>
 */
public final class BatchExplainer {
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
        return run(images.size(), i -> explainer.explain(images.get(i), targets.get(i)));
    }

    private List<Explanation> run(int count, IntFunction<Explanation> task) {
        if (parallelism == 1 || count < 2) {
            return IntStream.range(0, count).mapToObj(task).toList();
        }
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return pool.submit(() -> IntStream.range(0, count).parallel().mapToObj(task).toList()).join();
        } finally {
            pool.shutdown();
        }
    }
}
