package io.github.fmnist.spark;

import io.github.fmnist.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The {@code spark-submit} main: classifies every picture under {@code --input} and writes one Parquet row per
 * picture to {@code --output} (columns of {@link ResultSchema}) through Spark's output committer, so the folder
 * appears complete, with {@code _SUCCESS}, or not at all.
 *
 * <pre>
 * spark-submit --class io.github.fmnist.spark.ClassifyPictures fmnist-spark-VERSION-job.jar \
 *     --input 's3a://shop/photos/*.jpg' --output s3a://shop/predictions --model resnet --top 3
 * </pre>
 *
 * Options: {@code --input} folder, file or glob (required); {@code --output} Parquet folder, must not exist unless
 * {@code --overwrite} (required); {@code --model} zoo id or a local {@code .onnx} file the driver ships to the
 * executors (default {@code resnet}); {@code --top} k (default 3); {@code --batch} pictures per ONNX Runtime call
 * (default 256); {@code --threads} intra-op threads per executor (default: the executor's cores).
 *
 * <p>Unless the job sets it, {@code spark.sql.files.openCostInBytes} is lowered to {@value #OPEN_COST_BYTES} bytes:
 * Spark's default (4 MB) counts every small picture as 4 MB and so packs only about 32 pictures into a partition,
 * too few to fill a batch.
 */
public final class ClassifyPictures {
    /** The open cost the main sets unless the job configured one. */
    public static final long OPEN_COST_BYTES = 64 * 1024;
    private static final String OPEN_COST = "spark.sql.files.openCostInBytes";
    private static final List<String> VALUED = List.of("--input", "--output", "--model", "--top", "--batch", "--threads");
    private static final String USAGE = "usage: ClassifyPictures --input PATH|GLOB --output PARQUET_DIR"
            + " [--model resnet|cnn|FILE.onnx] [--top K] [--batch N] [--threads N] [--overwrite]";

    private ClassifyPictures() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("fmnist-spark ClassifyPictures").getOrCreate();
        try {
            long[] counts = run(spark, options);
            System.out.println("classified " + counts[0] + " pictures, " + counts[1] + " unreadable (see the error column), into "
                    + options.get("--output"));
        } finally {
            spark.stop();
        }
    }

    /** Runs the job on {@code spark}; returns {classified, unreadable}, counted from the written Parquet. */
    static long[] run(SparkSession spark, Map<String, String> options) throws IOException {
        if (!spark.conf().contains(OPEN_COST)) {
            spark.conf().set(OPEN_COST, OPEN_COST_BYTES);
        }
        SparkPhotoClassifier classifier = SparkPhotoClassifier.of(model(spark, options.get("--model")))
                .withTop(Integer.parseInt(options.get("--top")))
                .withBatchSize(Integer.parseInt(options.get("--batch")))
                .withIntraOpThreads(Integer.parseInt(options.get("--threads")));
        String output = options.get("--output");
        classifier.classifyFiles(spark, options.get("--input"))
                .write()
                .mode(options.containsKey("--overwrite") ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                .parquet(output);
        Dataset<Row> written = spark.read().parquet(output);
        long failed = written.filter(functions.col(ResultSchema.ERROR).isNotNull()).count();
        return new long[] {written.count() - failed, failed};
    }

    private static ModelSource model(SparkSession spark, String model) throws IOException {
        Path file = Path.of(model);
        if (model.endsWith(".onnx") || Files.isRegularFile(file)) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("model file not found: " + file.toAbsolutePath());
            }
            return ModelSource.shipped(spark, file);
        }
        return ModelSource.zoo(model);
    }

    /**
     * The options in {@code args} with defaults filled in.
     *
     * @throws InvalidInputException naming the problem if an option is unknown, lacks its value, or a required one is
     *         missing
     */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--model", "resnet",
                "--top", String.valueOf(SparkPhotoClassifier.DEFAULT_TOP),
                "--batch", String.valueOf(SparkPhotoClassifier.DEFAULT_BATCH_SIZE), "--threads", "0"));
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--overwrite")) {
                options.put(name, "true");
            } else if (VALUED.contains(name)) {
                if (i + 1 >= args.length) {
                    throw new InvalidInputException(name + " needs a value");
                }
                options.put(name, args[++i]);
            } else {
                throw new InvalidInputException("unknown option " + name);
            }
        }
        for (String required : List.of("--input", "--output")) {
            if (!options.containsKey(required)) {
                throw new InvalidInputException(required + " is required");
            }
        }
        for (String number : List.of("--top", "--batch", "--threads")) {
            if (!options.get(number).matches("\\d{1,6}")) {
                throw new InvalidInputException(number + " takes a whole number, found " + options.get(number));
            }
        }
        return options;
    }
}
