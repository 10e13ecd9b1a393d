package io.github.fmnist.spark;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.data.imageio.ImageImporter;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Classifies pictures of clothing on Apache Spark: a folder or glob read with Spark's {@code binaryFile} source
 * (local, HDFS, S3, anything Hadoop reads), or any DataFrame with a binary column. The result has one row per
 * picture with the columns of {@link ResultSchema}; a picture that cannot be read is a row with an error, never a
 * failed job.
 *
 * <pre>{@code
 * Dataset<Row> predictions = SparkPhotoClassifier.of(ModelSource.zoo("resnet"))
 *         .withTop(3)
 *         .classifyFiles(spark, "s3a://shop/photos/*.jpg");
 * predictions.write().parquet("s3a://shop/predictions");
 * }</pre>
 *
 * <h2>How the work is spread</h2>
 * Each executor JVM opens one ONNX Runtime session per model, lazily, on its first non-empty partition, and shares
 * it among all the tasks it runs (ONNX Runtime sessions accept concurrent runs); only the {@link ModelSource} is
 * serialised into tasks. Inside a partition pictures are decoded and imported one by one and classified in batches
 * of {@link #batchSize()} (default {@value #DEFAULT_BATCH_SIZE}). The session's intra-op threads default to the
 * executor's cores ({@code spark.executor.cores}, or N of {@code local[N]}).
 *
 * <h2>Thread-safety and closing</h2>
 * Instances are immutable settings and may be shared between threads and jobs. The executor sessions live until
 * their JVM exits, so successive jobs of one application reuse them; a shutdown hook closes them once no prediction
 * is running (waiting at most 10 s), and nothing needs closing by the caller. Results are computed again by every action on the returned DataFrame: cache it or write it
 * once.
 */
public final class SparkPhotoClassifier implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Pictures per ONNX Runtime call unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 256;
    /** Classes in the {@value ResultSchema#TOP} column unless told otherwise. */
    public static final int DEFAULT_TOP = 3;
    /** The columns Spark's {@code binaryFile} source gives path and bytes in. */
    public static final String BINARY_FILE_PATH = "path";
    public static final String BINARY_FILE_CONTENT = "content";

    private final ModelSource model;
    private final int batchSize;
    private final int top;
    private final int intraOpThreads;
    private final long maxPixels;
    private final int objectSize;
    private final StageTimings timings;

    private SparkPhotoClassifier(ModelSource model, int batchSize, int top, int intraOpThreads, long maxPixels,
                                 int objectSize, StageTimings timings) {
        this.model = Objects.requireNonNull(model, "model");
        if (batchSize < 1) {
            throw new InvalidInputException("batch size must be positive, found " + batchSize);
        }
        if (top < 1 || top > FashionClass.COUNT) {
            throw new InvalidInputException("top must be 1.." + FashionClass.COUNT + ", found " + top);
        }
        if (intraOpThreads < 0) {
            throw new InvalidInputException("intra-op threads must be 0 (the executor's cores) or positive, found "
                    + intraOpThreads);
        }
        new ImageImporter(maxPixels, objectSize); // validates both
        this.batchSize = batchSize;
        this.top = top;
        this.intraOpThreads = intraOpThreads;
        this.maxPixels = maxPixels;
        this.objectSize = objectSize;
        this.timings = timings;
    }

    /** A classifier for {@code model} with the defaults: batches of 256, top 3, the importer's default settings. */
    public static SparkPhotoClassifier of(ModelSource model) {
        return new SparkPhotoClassifier(model, DEFAULT_BATCH_SIZE, DEFAULT_TOP, 0, ImageImporter.DEFAULT_MAX_PIXELS,
                ImageImporter.DEFAULT_OBJECT_SIZE, null);
    }

    /** This classifier putting the {@code k} most likely classes (1..10) in the top column. */
    public SparkPhotoClassifier withTop(int k) {
        return new SparkPhotoClassifier(model, batchSize, k, intraOpThreads, maxPixels, objectSize, timings);
    }

    /** This classifier sending {@code n} pictures per ONNX Runtime call (runs of at most 256 each). */
    public SparkPhotoClassifier withBatchSize(int n) {
        return new SparkPhotoClassifier(model, n, top, intraOpThreads, maxPixels, objectSize, timings);
    }

    /**
     * This classifier's sessions using {@code n} intra-op threads; 0 means the executor's cores. An executor that
     * already has a session for the model keeps the thread count it was opened with.
     */
    public SparkPhotoClassifier withIntraOpThreads(int n) {
        return new SparkPhotoClassifier(model, batchSize, top, n, maxPixels, objectSize, timings);
    }

    /** This classifier converting pictures with {@code importer}'s pixel limit and object size. */
    public SparkPhotoClassifier withImporter(ImageImporter importer) {
        return new SparkPhotoClassifier(model, batchSize, top, intraOpThreads, importer.maxPixels(),
                importer.objectSize(), timings);
    }

    /** This classifier adding its decode, import and inference time to {@code timings}. */
    public SparkPhotoClassifier withTimings(StageTimings timings) {
        return new SparkPhotoClassifier(model, batchSize, top, intraOpThreads, maxPixels, objectSize,
                Objects.requireNonNull(timings, "timings"));
    }

    public ModelSource model() {
        return model;
    }

    public int batchSize() {
        return batchSize;
    }

    public int top() {
        return top;
    }

    /**
     * Reads {@code pathOrGlob} (a folder, a file or a glob, any Hadoop file system) with Spark's {@code binaryFile}
     * source and classifies every file in it. Only file names and bytes are read; a file that is not a picture
     * becomes an error row, and so does an empty file, which Spark's file sources would otherwise skip silently
     * (finding those runs one job over the file names when this is called).
     */
    public Dataset<Row> classifyFiles(SparkSession spark, String pathOrGlob) {
        Dataset<Row> files = spark.read().format("binaryFile").load(pathOrGlob);
        return classify(files, BINARY_FILE_PATH, BINARY_FILE_CONTENT)
                .union(EmptyFiles.of(spark, files, BINARY_FILE_PATH));
    }

    /**
     * Classifies the pictures in column {@code contentColumn} (binary) of {@code pictures}; {@code idColumn} (any
     * type, written as a string) names each in the {@value ResultSchema#PATH} column. Other columns are dropped; join
     * on the id to keep them.
     *
     * @throws InvalidInputException if a column is missing or the content column is not binary
     */
    public Dataset<Row> classify(Dataset<Row> pictures, String idColumn, String contentColumn) {
        StructField content = field(pictures, contentColumn);
        field(pictures, idColumn);
        if (!content.dataType().equals(DataTypes.BinaryType)) {
            throw new InvalidInputException("column '" + contentColumn + "' holds " + content.dataType().simpleString()
                    + ", expected binary picture bytes");
        }
        Dataset<Row> input = pictures.select(functions.col(idColumn).cast(DataTypes.StringType),
                functions.col(contentColumn));
        return input.mapPartitions(new PartitionClassifier(model, batchSize, top, intraOpThreads, maxPixels,
                objectSize, timings), Encoders.row(ResultSchema.SCHEMA));
    }

    private static StructField field(Dataset<Row> pictures, String name) {
        return Arrays.stream(pictures.schema().fields())
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("no column '" + name + "' in "
                        + Arrays.toString(pictures.columns())));
    }
}
