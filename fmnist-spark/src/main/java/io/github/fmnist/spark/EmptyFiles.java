package io.github.fmnist.spark;

import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Spark's file sources split each file into byte ranges and read the ranges, so a zero-byte file has none and never
 * becomes a row. These are the error rows for such files: paths the driver listed for the scan that the scan does not
 * produce. Finding them costs one job over file names only (the pictures' bytes are not read) and, only when the
 * counts differ, an anti-join of names.
 */
final class EmptyFiles {
    static final String PROBLEM = "InvalidInputException: %s: empty file (0 bytes), expected a picture;"
            + " Spark's file sources skip such files";

    private EmptyFiles() {
    }

    /** Error rows, in {@link ResultSchema}, for the files of {@code binaryFiles} that it yields no row for. */
    static Dataset<Row> of(SparkSession spark, Dataset<Row> binaryFiles, String pathColumn) {
        // inputFiles() may spell a path file:///x where the path column says file:/x; Hadoop's Path spells both alike.
        String[] listed = Arrays.stream(binaryFiles.inputFiles()).map(p -> new Path(p).toString()).toArray(String[]::new);
        Dataset<Row> scanned = binaryFiles.select(pathColumn);
        if (scanned.count() == listed.length) {
            return spark.createDataFrame(List.of(), ResultSchema.SCHEMA);
        }
        Dataset<Row> listedPaths = spark.createDataset(Arrays.asList(listed), Encoders.STRING()).toDF(pathColumn);
        Dataset<Row> missing = listedPaths.except(scanned);
        return missing.select(
                functions.col(pathColumn).as(ResultSchema.PATH),
                functions.lit(null).cast(DataTypes.StringType).as(ResultSchema.PREDICTED),
                functions.lit(null).cast(DataTypes.IntegerType).as(ResultSchema.LABEL),
                functions.lit(null).cast(DataTypes.FloatType).as(ResultSchema.PROBABILITY),
                functions.lit(null).cast(ResultSchema.SCHEMA.apply(ResultSchema.TOP).dataType()).as(ResultSchema.TOP),
                functions.format_string(PROBLEM, functions.col(pathColumn)).as(ResultSchema.ERROR));
    }
}
