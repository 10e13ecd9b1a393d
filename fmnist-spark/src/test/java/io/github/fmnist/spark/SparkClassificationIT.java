package io.github.fmnist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.api.model.Prediction.ClassProbability;
import io.github.fmnist.zoo.PhotoClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark-submit main on 3,000 pictures made from test images (PNG 28×28, PNG 112×112, JPEG 224×224) and four bad
 * files, in local[2]: the same answers as the single-JVM library, bad files as error rows, committed output, and the
 * same rows from a second run.
 */
class SparkClassificationIT {
    private static final int PICTURES = 3_000;
    private static final int TOP = 3;

    @TempDir
    static Path temp;
    private static SparkSession spark;
    private static List<Path> pictures;
    private static List<Path> bad;
    private static Path first;
    private static Path second;
    private static long[] firstCounts;
    private static long sessionsOpened;
    private static int partitions;

    @BeforeAll
    static void classifyTwice() throws Exception {
        spark = SharedSpark.session();
        Path input = temp.resolve("pictures");
        pictures = TestPictures.write(input, PICTURES, TestPictures.Format.values());
        bad = TestPictures.writeBad(input, pictures.get(1));
        ExecutorSessions.closeAll(); // no task runs now: whatever other tests opened is closed
        long openedBefore = ExecutorSessions.openings();
        first = temp.resolve("first");
        second = temp.resolve("second");
        firstCounts = ClassifyPictures.run(spark, options(input, first));
        ClassifyPictures.run(spark, options(input, second));
        sessionsOpened = ExecutorSessions.openings() - openedBefore;
        partitions = spark.read().format("binaryFile").load(input.toString()).rdd().getNumPartitions();
    }

    private static Map<String, String> options(Path input, Path output) {
        return ClassifyPictures.parse(new String[] {"--input", input.toUri().toString(), "--output",
                output.toUri().toString(), "--model", "resnet", "--top", String.valueOf(TOP)});
    }

    private static Map<String, Row> rowsByFile(Path parquet) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : spark.read().parquet(parquet.toString()).collectAsList()) {
            Path file = Path.of(java.net.URI.create(row.getString(row.fieldIndex(ResultSchema.PATH))));
            assertNull(rows.put(file.getFileName().toString(), row), "one row per file");
        }
        return rows;
    }

    @Test
    void everyPictureGetsTheSingleJvmLibrarysPrediction() throws Exception {
        Map<String, Row> rows = rowsByFile(first);
        try (PhotoClassifier library = PhotoClassifier.pretrained("resnet")) {
            for (Path file : pictures) {
                Row row = rows.get(file.getFileName().toString());
                assertNotNull(row, file.toString());
                assertTrue(row.isNullAt(row.fieldIndex(ResultSchema.ERROR)), () -> file + ": " + row);
                Prediction expected = library.predict(file);
                assertEquals(expected.predicted().label(), row.getInt(row.fieldIndex(ResultSchema.LABEL)), file.toString());
                assertEquals(expected.predicted().displayName(), row.getString(row.fieldIndex(ResultSchema.PREDICTED)));
                List<ClassProbability> top = expected.top(TOP);
                List<Row> topRows = row.getList(row.fieldIndex(ResultSchema.TOP));
                assertEquals(TOP, topRows.size());
                float[] want = new float[TOP];
                float[] got = new float[TOP];
                for (int k = 0; k < TOP; k++) {
                    assertEquals(top.get(k).fashionClass().label(), topRows.get(k).getInt(1), file + " top " + k);
                    assertEquals(top.get(k).fashionClass().displayName(), topRows.get(k).getString(0));
                    want[k] = top.get(k).probability();
                    got[k] = topRows.get(k).getFloat(2);
                }
                // identical, not merely close: same decoder, same import, and ONNX Runtime's CPU kernels give each
                // image the same bits whether it runs alone on one thread or in a batch of 256 on two
                assertEquals(want[0], row.getFloat(row.fieldIndex(ResultSchema.PROBABILITY)), file.toString());
                assertArrayEquals(want, got, file.toString());
            }
        }
        assertEquals(PICTURES, firstCounts[0]);
    }

    @Test
    void badFilesAreRowsWithAnErrorNamingTheFileAndProblem() {
        Map<String, Row> rows = rowsByFile(first);
        assertEquals(PICTURES + bad.size(), rows.size());
        assertEquals(bad.size(), firstCounts[1]);
        Map<String, String> expected = Map.of(
                "bad-text.png", "not a readable image",
                "bad-empty.png", "empty file",
                "bad-truncated.png", "CorruptDataException",
                "bad-huge.png", "exceeds the limit of 50000000 pixels");
        expected.forEach((name, problem) -> {
            Row row = rows.get(name);
            String error = row.getString(row.fieldIndex(ResultSchema.ERROR));
            assertNotNull(error, name);
            assertTrue(error.contains(problem) && error.contains(name), name + ": " + error);
            assertTrue(row.isNullAt(row.fieldIndex(ResultSchema.PREDICTED)));
            assertTrue(row.isNullAt(row.fieldIndex(ResultSchema.TOP)));
        });
    }

    @Test
    void outputIsCommittedParquet() throws Exception {
        assertTrue(Files.isRegularFile(first.resolve("_SUCCESS")));
        assertFalse(Files.exists(first.resolve("_temporary")), "no uncommitted task output left");
        try (Stream<Path> files = Files.list(first)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")));
        }
        assertEquals(ResultSchema.SCHEMA.fieldNames().length, spark.read().parquet(first.toString()).columns().length);
    }

    @Test
    void anExistingOutputIsRefusedAndLeftAlone() throws Exception {
        long before;
        try (Stream<Path> files = Files.list(first)) {
            before = files.count();
        }
        assertThrows(AnalysisException.class, () -> ClassifyPictures.run(spark, options(temp.resolve("pictures"), first)));
        try (Stream<Path> files = Files.list(first)) {
            assertEquals(before, files.count());
        }
    }

    @Test
    void aSecondRunWritesTheSameRows() {
        Dataset<Row> a = spark.read().parquet(first.toString());
        Dataset<Row> b = spark.read().parquet(second.toString());
        assertEquals(a.count(), b.count());
        assertEquals(0, a.except(b).count());
        assertEquals(0, b.except(a).count());
        assertEquals(a.orderBy(ResultSchema.PATH).collectAsList(), b.orderBy(ResultSchema.PATH).collectAsList());
    }

    @Test
    void oneSessionServesEveryTaskAndJobOfTheExecutor() {
        // local mode: driver and executor are this JVM; both runs' tasks (two or more per run) shared one session
        assertTrue(partitions >= 2, "partitions: " + partitions);
        assertEquals(1, sessionsOpened);
    }
}
