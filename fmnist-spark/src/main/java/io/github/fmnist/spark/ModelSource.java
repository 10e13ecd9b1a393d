package io.github.fmnist.spark;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.onnx.runtime.OnnxClassifier;
import io.github.fmnist.onnx.runtime.OnnxRuntimeOptions;
import io.github.fmnist.zoo.FashionZoo;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;

/**
 * Where executors get the ONNX model from: the zoo on their class path, or a file shipped with the job
 * ({@code spark-submit --files} or {@link #shipped(SparkSession, Path)}) and checked against the SHA-256 the driver
 * computed. Only this small description travels to the executors; each opens the model itself.
 */
public final class ModelSource implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String zooId;
    private final String fileName;
    private final String sha256;

    private ModelSource(String zooId, String fileName, String sha256) {
        this.zooId = zooId;
        this.fileName = fileName;
        this.sha256 = sha256;
    }

    /**
     * The zoo model {@code id} ({@code "resnet"}, {@code "cnn"}, or one a {@code ZooProvider} on the executors'
     * class path adds).
     *
     * @throws InvalidInputException naming the zoo's ids if there is no such model on the driver
     */
    public static ModelSource zoo(String id) {
        FashionZoo.require(id);
        return new ModelSource(id, null, null);
    }

    /**
     * An ONNX model file on the driver, added to the job with {@code SparkContext.addFile} so every executor
     * downloads it once; executors refuse a copy whose SHA-256 differs from the driver's.
     */
    public static ModelSource shipped(SparkSession spark, Path onnxFile) throws IOException {
        String digest = sha256(Files.readAllBytes(onnxFile));
        spark.sparkContext().addFile(onnxFile.toAbsolutePath().toString());
        return new ModelSource(null, onnxFile.getFileName().toString(), digest);
    }

    /**
     * A file the job already ships under {@code fileName} ({@code spark-submit --files /local/model.onnx} ships it as
     * {@code model.onnx}), expected to have SHA-256 {@code sha256} (64 hex digits).
     */
    public static ModelSource shippedAs(String fileName, String sha256) {
        Objects.requireNonNull(fileName, "fileName");
        if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException("SHA-256 of " + fileName + " must be 64 hex digits, found " + sha256);
        }
        return new ModelSource(null, fileName, sha256.toLowerCase(java.util.Locale.ROOT));
    }

    /** What identifies the model's bytes: the zoo id or the file's SHA-256; one executor session per key. */
    String key() {
        return zooId != null ? "zoo:" + zooId : "sha256:" + sha256;
    }

    /** Opens the model on this JVM (an executor, or the driver in local mode). */
    OnnxClassifier open(OnnxRuntimeOptions options) throws IOException {
        if (zooId != null) {
            return FashionZoo.open(zooId, options);
        }
        Path local = Path.of(SparkFiles.get(fileName));
        byte[] model = Files.readAllBytes(local);
        String found = sha256(model);
        if (!found.equals(sha256)) {
            throw new TamperedModelException(local + ": SHA-256: expected " + sha256 + " (the driver's copy), found " + found);
        }
        return OnnxClassifier.open(model, local.toString(), options);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSource other && key().equals(other.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return zooId != null ? "zoo model " + zooId : "shipped file " + fileName + " (SHA-256 " + sha256 + ")";
    }
}
