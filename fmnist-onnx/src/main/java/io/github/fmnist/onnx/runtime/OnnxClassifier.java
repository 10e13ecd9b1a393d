package io.github.fmnist.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.MissingNativeLibraryException;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.onnx.export.OnnxExporter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A classifier running an ONNX model with ONNX Runtime: a model exported by {@link OnnxExporter} or any
 * model with the same contract (float input {@code image} {@code [N, 1, 28, 28]} with pixels scaled to
 * [0, 1], float output {@code probabilities} {@code [N, 10]} in label order).
 *
 * <p>One session serves every call. Inputs travel to the runtime through direct buffers, one per calling
 * thread, in runs of at most {@value #MAX_RUN_BATCH} images; every tensor and result is closed after use.
 *
 * <h2>Thread-safety</h2>
 * All prediction methods may be called concurrently from any number of threads ({@code OrtSession.run} is
 * thread-safe); {@link #close()} must not overlap a prediction.
 *
 * <pre>{@code
 * try (OnnxClassifier c = OnnxClassifier.open(Path.of("cnn.onnx"))) {
 *     FashionClass cls = c.classify(image);
 * }
 * }</pre>
 */
public final class OnnxClassifier implements Classifier {
    /** The payload entry holding the model bytes in a bundle. */
    public static final String PAYLOAD_ENTRY = "model.onnx";
    /**
     * Images per runtime call; larger batches are split. Runs of 64 keep a convolution's activations in cache: a
     * call of 256 images ran 1.15–1.37× faster as four runs of 64 than as one (float and int8, {@code cnn},
     * {@code resnet} and the seed's {@code cnn}; fmnist-onnx README). Bounds each thread's input buffer to 196 KiB.
     */
    public static final int MAX_RUN_BATCH = 64;
    private static final long MAX_MODEL_BYTES = Integer.MAX_VALUE - 8;
    private static final Set<String> OUTPUTS = Set.of(OnnxExporter.PROBABILITIES);

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ExecutionProvider provider;
    private final byte[] model;
    private final ModelInfo info;
    private final Map<String, String> metadata;
    private final ThreadLocal<FloatBuffer> inputBuffers = ThreadLocal.withInitial(() ->
            ByteBuffer.allocateDirect(MAX_RUN_BATCH * Image.PIXELS * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer());
    private volatile boolean closed;

    private OnnxClassifier(OrtEnvironment env, SessionFactory.OpenSession opened, byte[] model, OnnxRuntimeOptions options,
                           Map<String, String> metadata) {
        this.env = env;
        this.session = opened.session();
        this.provider = opened.provider();
        this.model = model;
        this.info = new ModelInfo(OnnxModelProvider.ID, OnnxModelProvider.VERSION, options.toHyperparameters());
        this.metadata = Map.copyOf(metadata);
    }

    /** Opens {@code onnxFile} with {@link OnnxRuntimeOptions#defaults()}. */
    public static OnnxClassifier open(Path onnxFile) throws IOException {
        return open(onnxFile, OnnxRuntimeOptions.defaults());
    }

    /**
     * Opens {@code onnxFile}.
     *
     * @throws IncompatibleModelException  if it is not an ONNX model or does not meet the input/output contract
     * @throws MissingNativeLibraryException if the ONNX Runtime native library cannot be loaded
     */
    public static OnnxClassifier open(Path onnxFile, OnnxRuntimeOptions options) throws IOException {
        long size = Files.size(onnxFile);
        if (size > MAX_MODEL_BYTES) {
            throw new IncompatibleModelException(onnxFile + ": " + size + " bytes is larger than a single-file ONNX model can be");
        }
        return open(Files.readAllBytes(onnxFile), onnxFile.toString(), options);
    }

    /**
     * Opens a model held in memory; {@code source} names it in messages.
     *
     * @throws IncompatibleModelException if it is not an ONNX model or does not meet the input/output contract
     */
    public static OnnxClassifier open(byte[] onnxModel, String source, OnnxRuntimeOptions options) {
        byte[] model = onnxModel.clone();
        OrtEnvironment env = environment();
        SessionFactory.OpenSession opened = SessionFactory.open(env, model, source, options);
        try {
            ModelContract.check(opened.session(), source);
            Map<String, String> metadata = opened.session().getMetadata().getCustomMetadata();
            SessionFactory.logProvider(opened, source, options);
            return new OnnxClassifier(env, opened, model, options, metadata);
        } catch (OrtException | RuntimeException e) {
            closeSession(opened.session(), source);
            if (e instanceof FmnistException fe) {
                throw fe;
            }
            throw new IncompatibleModelException(source + ": cannot read the model's metadata: " + e.getMessage(), e);
        }
    }

    private static OrtEnvironment environment() {
        CommandLineGuard.check();
        try {
            return OnnxRuntimeNatives.environment();
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new MissingNativeLibraryException("the ONNX Runtime native library cannot be loaded on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "; ONNX Runtime's Java jar ships it for linux/windows/macOS on x64 and arm64: " + e, e);
        }
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The execution provider this classifier's session runs on. */
    public ExecutionProvider executionProvider() {
        return provider;
    }

    /** The model's metadata properties (for exported models: class names, fmnist version, provenance). */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        int n = Classifier.imageCount(nchw);
        if (closed) {
            throw new IllegalStateException("this ONNX classifier is closed");
        }
        float[][] out = new float[n][];
        FloatBuffer buffer = inputBuffers.get();
        for (int start = 0; start < n; start += MAX_RUN_BATCH) {
            int count = Math.min(MAX_RUN_BATCH, n - start);
            buffer.clear();
            buffer.put(nchw, start * Image.PIXELS, count * Image.PIXELS).flip();
            run(buffer, count, out, start);
        }
        return out;
    }

    private void run(FloatBuffer input, int count, float[][] out, int offset) {
        long[] shape = {count, 1, Image.SIDE, Image.SIDE};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, shape);
             OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, tensor), OUTPUTS)) {
            OnnxValue value = result.get(0);
            FloatBuffer probabilities = ((OnnxTensor) value).getFloatBuffer();
            if (probabilities.remaining() != count * FashionClass.COUNT) {
                throw new IncompatibleModelException("ONNX model returned " + probabilities.remaining()
                        + " probabilities for " + count + " images, expected " + count * FashionClass.COUNT);
            }
            for (int i = 0; i < count; i++) {
                float[] row = new float[FashionClass.COUNT];
                probabilities.get(row);
                out[offset + i] = row;
            }
        } catch (OrtException e) {
            throw new FmnistException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    /** Stores the ONNX model bytes, so that {@link OnnxModelProvider#load} rebuilds this classifier. */
    @Override
    public void writePayload(PayloadSink sink) throws IOException {
        sink.write(PAYLOAD_ENTRY, model);
    }

    /** A copy of the ONNX model bytes. */
    public byte[] modelBytes() {
        return model.clone();
    }

    /** Closes the session; the shared ONNX Runtime environment stays open for other sessions. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeSession(session, toString());
        }
    }

    private static void closeSession(OrtSession session, String source) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new FmnistException("ONNX Runtime failed to close the session of " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OnnxClassifier[" + provider + ", " + model.length + " bytes]";
    }
}
