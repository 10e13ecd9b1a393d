package io.github.fmnist.bench.results;

/**
 * Measured inference speed.
 *
 * @param runtime         what ran the model, e.g. {@code "native"} (the plugin's own framework) or {@code "onnxruntime"}
 * @param batchSize       images per prediction call
 * @param images          images predicted in the measurement
 * @param imagesPerSecond images divided by wall time
 */
public record Throughput(String runtime, int batchSize, int images, double imagesPerSecond) {
    /** The plugin's own framework (DL4J, Smile, …). */
    public static final String NATIVE = "native";
    /** ONNX Runtime running the exported network. */
    public static final String ONNX_RUNTIME = "onnxruntime";
    /** ONNX Runtime running the int8 (QDQ) export of the network. */
    public static final String ONNX_RUNTIME_INT8 = "onnxruntime-int8";
}
