package io.github.fmnist.spark;

import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.model.Prediction.ClassProbability;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns {@link SparkPhotoClassifier} writes, one row per picture:
 * <ul>
 *   <li>{@value #PATH} (string): the picture's path or id</li>
 *   <li>{@value #PREDICTED} (string, null on error): the most likely class's display name ({@code "Ankle boot"})</li>
 *   <li>{@value #LABEL} (int, null on error): its Fashion-MNIST label, 0..9</li>
 *   <li>{@value #PROBABILITY} (float, null on error): its probability</li>
 *   <li>{@value #TOP} (array of struct {@code class} string, {@code label} int, {@code probability} float; null on
 *       error): the k most likely classes, most likely first</li>
 *   <li>{@value #ERROR} (string, null when classified): why the picture could not be read</li>
 * </ul>
 */
public final class ResultSchema {
    public static final String PATH = "path";
    public static final String PREDICTED = "predicted";
    public static final String LABEL = "label";
    public static final String PROBABILITY = "probability";
    public static final String TOP = "top";
    public static final String ERROR = "error";
    /** Field names inside a {@value #TOP} element. */
    public static final String TOP_CLASS = "class";
    public static final String TOP_LABEL = "label";
    public static final String TOP_PROBABILITY = "probability";

    private static final StructType CLASS_PROBABILITY = DataTypes.createStructType(new StructField[] {
            DataTypes.createStructField(TOP_CLASS, DataTypes.StringType, false),
            DataTypes.createStructField(TOP_LABEL, DataTypes.IntegerType, false),
            DataTypes.createStructField(TOP_PROBABILITY, DataTypes.FloatType, false)});

    /** The output schema. */
    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {
            DataTypes.createStructField(PATH, DataTypes.StringType, true),
            DataTypes.createStructField(PREDICTED, DataTypes.StringType, true),
            DataTypes.createStructField(LABEL, DataTypes.IntegerType, true),
            DataTypes.createStructField(PROBABILITY, DataTypes.FloatType, true),
            DataTypes.createStructField(TOP, DataTypes.createArrayType(CLASS_PROBABILITY, false), true),
            DataTypes.createStructField(ERROR, DataTypes.StringType, true)});

    private ResultSchema() {
    }

    // An array (not a List) for the array column: Spark's row encoder accepts Java arrays and Scala Seqs.
    static Row classified(String path, Prediction prediction, int top) {
        List<ClassProbability> best = prediction.top(top);
        Row[] topRows = new Row[best.size()];
        for (int i = 0; i < topRows.length; i++) {
            ClassProbability cp = best.get(i);
            topRows[i] = RowFactory.create(cp.fashionClass().displayName(), cp.fashionClass().label(), cp.probability());
        }
        ClassProbability first = best.get(0);
        return RowFactory.create(path, first.fashionClass().displayName(), first.fashionClass().label(),
                first.probability(), topRows, null);
    }

    static Row failed(String path, Throwable problem) {
        return RowFactory.create(path, null, null, null, null, describe(problem));
    }

    /** The exception's simple class name and message: enough to tell a truncated file from a text file. */
    static String describe(Throwable problem) {
        String message = problem.getMessage();
        return problem.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
