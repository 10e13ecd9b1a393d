package io.github.fmnist.spark;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Where a classification job's time goes, summed over every task: decoding picture bytes, importing the decoded
 * picture (grey, crop, resize to 28×28), and ONNX Runtime inference. Spark accumulators, so the driver reads totals
 * after an action; like every accumulator they may count a retried task twice.
 *
 * <pre>{@code
 * StageTimings timings = StageTimings.register(spark.sparkContext());
 * classifier.withTimings(timings).classifyFiles(spark, "/pictures").write().parquet("/out");
 * System.out.println(timings);
 * }</pre>
 */
public final class StageTimings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LongAccumulator decodeNanos;
    private final LongAccumulator importNanos;
    private final LongAccumulator inferenceNanos;
    private final LongAccumulator pictures;
    private final LongAccumulator failures;

    private StageTimings(SparkContext sc) {
        decodeNanos = sc.longAccumulator("fmnist decode ns");
        importNanos = sc.longAccumulator("fmnist import ns");
        inferenceNanos = sc.longAccumulator("fmnist inference ns");
        pictures = sc.longAccumulator("fmnist pictures");
        failures = sc.longAccumulator("fmnist unreadable pictures");
    }

    /** New accumulators registered with {@code sc} (call on the driver). */
    public static StageTimings register(SparkContext sc) {
        return new StageTimings(sc);
    }

    void addDecode(long nanos) {
        decodeNanos.add(nanos);
    }

    void addImport(long nanos) {
        importNanos.add(nanos);
    }

    void addInference(long nanos, int images) {
        inferenceNanos.add(nanos);
        pictures.add(images);
    }

    void addFailure() {
        failures.add(1);
    }

    /** Task time spent decoding, in seconds (all tasks together). */
    public double decodeSeconds() {
        return seconds(decodeNanos);
    }

    /** Task time spent importing decoded pictures, in seconds. */
    public double importSeconds() {
        return seconds(importNanos);
    }

    /** Task time spent in ONNX Runtime, in seconds. */
    public double inferenceSeconds() {
        return seconds(inferenceNanos);
    }

    /** Pictures classified. */
    public long classified() {
        return pictures.value();
    }

    /** Pictures reported as errors. */
    public long failed() {
        return failures.value();
    }

    private static double seconds(LongAccumulator nanos) {
        return nanos.value() / (double) TimeUnit.SECONDS.toNanos(1);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d classified, %d failed; task time: decode %.2f s, import %.2f s, inference %.2f s",
                classified(), failed(), decodeSeconds(), importSeconds(), inferenceSeconds());
    }
}
