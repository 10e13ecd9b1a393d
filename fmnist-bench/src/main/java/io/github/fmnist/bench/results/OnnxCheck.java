package io.github.fmnist.bench.results;

import java.util.Optional;

/**
 * The exported ONNX model run through ONNX Runtime on the same test images.
 *
 * @param file              the {@code .onnx} file, relative to the output folder
 * @param fileBytes         its size
 * @param executionProvider the ONNX Runtime execution provider used (CPU or CUDA)
 * @param accuracy          test accuracy under ONNX Runtime
 * @param agreement         fraction of test images where ONNX Runtime and the native model predict the same class
 * @param maxAbsDifference  largest absolute difference between the two runtimes' probabilities
 * @param int8              the int8 export of the same network, if it was made
 */
public record OnnxCheck(String file, long fileBytes, String executionProvider, double accuracy, double agreement,
                        double maxAbsDifference, Optional<Int8> int8) {

    /**
     * The statically quantised (int8 QDQ) export run through ONNX Runtime on the same test images.
     *
     * @param file               the {@code .onnx} file, relative to the output folder
     * @param fileBytes          its size
     * @param accuracy           test accuracy
     * @param agreementWithFloat fraction of test images where it and the float ONNX model predict the same class
     * @param calibrationImages  training images its activation ranges were calibrated on
     * @param calibrationMethod  how the ranges were read from them
     */
    public record Int8(String file, long fileBytes, double accuracy, double agreementWithFloat, int calibrationImages,
                       String calibrationMethod) {
    }
}
