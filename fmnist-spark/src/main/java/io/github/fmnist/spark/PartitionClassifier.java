package io.github.fmnist.spark;

import io.github.fmnist.api.Image;
import io.github.fmnist.api.model.Prediction;
import io.github.fmnist.data.imageio.ImageImporter;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * The per-partition work: reads rows of (path, picture bytes) in batches, decodes and imports each picture, runs the
 * batch's readable pictures through the executor's shared session in one call, and returns one result row per input
 * row, in input order. A picture that fails to decode or import becomes an error row; the task goes on. The session
 * is opened by the first batch with a readable picture, so a partition without one opens none.
 *
 * <p>Serialised with the task: it holds only settings, never a session.
 */
final class PartitionClassifier implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ModelSource model;
    private final int batchSize;
    private final int top;
    private final int intraOpThreads;
    private final long maxPixels;
    private final int objectSize;
    private final StageTimings timings;

    PartitionClassifier(ModelSource model, int batchSize, int top, int intraOpThreads, long maxPixels, int objectSize,
                        StageTimings timings) {
        this.model = model;
        this.batchSize = batchSize;
        this.top = top;
        this.intraOpThreads = intraOpThreads;
        this.maxPixels = maxPixels;
        this.objectSize = objectSize;
        this.timings = timings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> pictures) {
        if (!pictures.hasNext()) {
            return pictures;
        }
        return new Batches(pictures, intraOpThreads > 0 ? intraOpThreads : ExecutorCores.current());
    }

    /** Rows out, one batch at a time, so a partition never holds more than one batch of pictures. */
    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> in;
        private final int threads;
        private final PictureDecoder decoder = new PictureDecoder(maxPixels);
        private final ImageImporter importer = new ImageImporter(maxPixels, objectSize);
        private final Queue<Row> ready = new ArrayDeque<>();
        private final String[] paths = new String[batchSize];
        private final Image[] images = new Image[batchSize];
        private final Throwable[] problems = new Throwable[batchSize];
        private final float[] nchw = new float[batchSize * Image.PIXELS];

        Batches(Iterator<Row> in, int threads) {
            this.in = in;
            this.threads = threads;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty() && in.hasNext()) {
                classifyNextBatch();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.remove();
        }

        private void classifyNextBatch() {
            int count = 0;
            int readable = 0;
            while (count < batchSize && in.hasNext()) {
                Row row = in.next();
                paths[count] = row.isNullAt(0) ? null : row.getString(0);
                problems[count] = null;
                images[count] = null;
                try {
                    Image image = toImage(row.isNullAt(1) ? null : (byte[]) row.get(1), paths[count]);
                    images[count] = image;
                    image.writeNormalized(nchw, readable * Image.PIXELS);
                    readable++;
                } catch (RuntimeException e) {
                    problems[count] = e;
                    if (timings != null) {
                        timings.addFailure();
                    }
                }
                count++;
            }
            float[][] probabilities = readable == 0 ? new float[0][] : infer(readable);
            int next = 0;
            for (int i = 0; i < count; i++) {
                ready.add(images[i] == null
                        ? ResultSchema.failed(paths[i], problems[i])
                        : ResultSchema.classified(paths[i], new Prediction(probabilities[next++]), top));
                images[i] = null;
                problems[i] = null;
            }
        }

        private Image toImage(byte[] bytes, String path) {
            long start = System.nanoTime();
            BufferedImage picture = decoder.decode(bytes, path == null ? "picture" : path);
            long decoded = System.nanoTime();
            Image image = importer.importImage(picture);
            if (timings != null) {
                timings.addDecode(decoded - start);
                timings.addImport(System.nanoTime() - decoded);
            }
            return image;
        }

        private float[][] infer(int readable) {
            long start = System.nanoTime();
            float[] input = readable == batchSize ? nchw : java.util.Arrays.copyOf(nchw, readable * Image.PIXELS);
            float[][] out = ExecutorSessions.predict(model, threads, input);
            if (timings != null) {
                timings.addInference(System.nanoTime() - start, readable);
            }
            return out;
        }
    }
}
