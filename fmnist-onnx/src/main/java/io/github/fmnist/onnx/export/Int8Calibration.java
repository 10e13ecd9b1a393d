package io.github.fmnist.onnx.export;

import io.github.fmnist.api.ImageBatch;
import java.util.Objects;

/**
 * What static int8 quantisation calibrates on: real images (typically a seeded stratified sample of the
 * training set, drawn by the caller), how ranges are read from them, and the seed the sample was drawn with
 * (recorded in the model's metadata; the exporter itself draws nothing).
 *
 * @param images     the calibration images; at least one, not all pixels equal
 * @param method     how each activation's range is chosen
 * @param sampleSeed the seed the caller drew {@code images} with, for the metadata
 */
public record Int8Calibration(ImageBatch images, CalibrationMethod method, long sampleSeed) {
    public Int8Calibration {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(method, "method");
    }
}
