package io.github.fmnist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.data.imageio.ImageImporter;
import io.github.fmnist.data.imageio.PngExporter;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.zoo.FashionZoo;
import io.github.fmnist.zoo.ZooEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any DataFrame with a binary column, and a model file shipped with the job instead of the zoo. */
class BinaryColumnIT {
    private static final StructType PICTURES = DataTypes.createStructType(List.of(
            DataTypes.createStructField("sku", DataTypes.LongType, false),
            DataTypes.createStructField("photo", DataTypes.BinaryType, true),
            DataTypes.createStructField("price", DataTypes.DoubleType, false)));

    @TempDir
    static Path temp;
    private static SparkSession spark;
    private static List<Image> images;
    private static Dataset<Row> photos;

    @BeforeAll
    static void photos() throws Exception {
        spark = SharedSpark.session();
        images = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Image image = stripes(i);
            Path png = temp.resolve("p" + i + ".png");
            PngExporter.write(image, 2, png);
            images.add(new ImageImporter().importImage(png));
            rows.add(RowFactory.create((long) i, Files.readAllBytes(png), 9.99));
        }
        rows.add(RowFactory.create(40L, null, 1.0));
        rows.add(RowFactory.create(41L, new byte[] {1, 2, 3}, 1.0));
        photos = spark.createDataFrame(rows, PICTURES).repartition(3);
    }

    /** A synthetic picture: a bright block whose size and position vary with {@code i}. */
    private static Image stripes(int i) {
        byte[] pixels = new byte[Image.PIXELS];
        int w = 6 + i % 17;
        int h = 6 + (i * 7) % 19;
        for (int y = 2; y < 2 + h; y++) {
            for (int x = 3; x < 3 + w; x++) {
                pixels[y * Image.SIDE + x] = (byte) (120 + (x * y + i) % 130);
            }
        }
        return Image.of(pixels);
    }

    @Test
    void classifiesABinaryColumnKeyedByAnyIdColumn() throws Exception {
        List<Row> out = SparkPhotoClassifier.of(ModelSource.zoo("cnn")).withTop(2).withBatchSize(7)
                .classify(photos, "sku", "photo").orderBy(functionsPathAsLong()).collectAsList();
        assertEquals(42, out.size());
        try (OnnxClassifier cnn = FashionZoo.open("cnn")) {
            for (int i = 0; i < 40; i++) {
                Row row = out.get(i);
                assertEquals(String.valueOf(i), row.getString(0));
                Prediction expected = cnn.predict(images.get(i));
                assertEquals(expected.predicted().label(), row.getInt(2), "sku " + i);
                assertEquals(expected.confidence(), row.getFloat(3), 1e-6f);
                assertEquals(2, row.getList(4).size());
            }
        }
        assertTrue(out.get(40).getString(5).contains("empty file"), out.get(40).toString());
        assertTrue(out.get(41).getString(5).contains("not a readable image"), out.get(41).toString());
    }

    private static org.apache.spark.sql.Column functionsPathAsLong() {
        return org.apache.spark.sql.functions.col(ResultSchema.PATH).cast(DataTypes.LongType);
    }

    @Test
    void aShippedModelFileIsCheckedAndUsed() throws Exception {
        ZooEntry cnn = FashionZoo.require("cnn");
        // A file added to the shared SparkContext stays added: it must outlive this class (executors re-check it).
        Path folder = Files.createTempDirectory("fmnist-spark-model-");
        Path model = folder.resolve("my-model.onnx");
        Files.write(model, cnn.read(cnn.onnx()));
        folder.toFile().deleteOnExit();
        model.toFile().deleteOnExit();
        ModelSource shipped = ModelSource.shipped(spark, model);
        List<Row> fromFile = SparkPhotoClassifier.of(shipped).classify(photos, "sku", "photo")
                .orderBy(functionsPathAsLong()).collectAsList();
        List<Row> fromZoo = SparkPhotoClassifier.of(ModelSource.zoo("cnn")).classify(photos, "sku", "photo")
                .orderBy(functionsPathAsLong()).collectAsList();
        assertEquals(fromZoo, fromFile);

        ModelSource wrongDigest = ModelSource.shippedAs("my-model.onnx", "0".repeat(64));
        SparkException failed = assertThrows(SparkException.class, () -> SparkPhotoClassifier.of(wrongDigest)
                .classify(photos, "sku", "photo").collectAsList());
        assertTrue(hasCause(failed, TamperedModelException.class), failed.toString());
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c) || String.valueOf(c.getMessage()).contains(type.getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aColumnThatIsNotBinaryIsRefusedBeforeAnyJob() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SparkPhotoClassifier.of(ModelSource.zoo("cnn")).classify(photos, "sku", "price"));
        assertTrue(e.getMessage().contains("price") && e.getMessage().contains("double"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> SparkPhotoClassifier.of(ModelSource.zoo("cnn")).classify(photos, "nope", "photo"));
    }
}
