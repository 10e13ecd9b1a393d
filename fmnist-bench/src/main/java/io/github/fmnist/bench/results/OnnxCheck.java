package io.github.fmnist.bench.results;

/**
 * The exported ONNX model run through ONNX Runtime on the same test images.
 *
 * @param file              the {@code .onnx} file, relative to the output folder
 * @param fileBytes         its size
 * @param executionProvider the ONNX Runtime execution provider used (CPU or CUDA)
 * @param accuracy          test accuracy under ONNX Runtime
 * @param agreement         fraction of test images where ONNX Runtime and the native model predict the same class
 * @param maxAbsDifference  largest absolute difference between the two runtimes' probabilities
 */
public record OnnxCheck(String file, long fileBytes, String executionProvider, double accuracy, double agreement,
                        double maxAbsDifference) {
}
