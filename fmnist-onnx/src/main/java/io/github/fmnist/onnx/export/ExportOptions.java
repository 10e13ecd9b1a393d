package io.github.fmnist.onnx.export;

import java.util.Objects;
import java.util.Optional;

/**
 * How {@link OnnxExporter} writes a network: float (BatchNorm folded into the preceding convolution by
 * default) or statically quantised to int8 in QDQ form.
 *
 * <pre>{@code
 * ExportOptions.float32();                                    // the default
 * ExportOptions.float32().withBatchNormFolding(false);        // one BatchNormalization node per BatchNorm
 * ExportOptions.int8(new Int8Calibration(sample.images(), CalibrationMethod.MIN_MAX, 42));
 * }</pre>
 */
public final class ExportOptions {
    private final boolean foldBatchNorm;
    private final Int8Calibration int8;

    private ExportOptions(boolean foldBatchNorm, Int8Calibration int8) {
        this.foldBatchNorm = foldBatchNorm;
        this.int8 = int8;
    }

    /** Float model with BatchNorm folded where it directly follows a convolution. */
    public static ExportOptions float32() {
        return new ExportOptions(true, null);
    }

    /**
     * Int8 QDQ model calibrated on {@code calibration}. BatchNorm is always folded first: a separate
     * BatchNormalization would stand between a convolution and its quantisation.
     */
    public static ExportOptions int8(Int8Calibration calibration) {
        return new ExportOptions(true, Objects.requireNonNull(calibration, "calibration"));
    }

    /** These options with BatchNorm folding on or off (int8 export folds regardless). */
    public ExportOptions withBatchNormFolding(boolean fold) {
        return new ExportOptions(fold, int8);
    }

    /** Whether BatchNorm is folded into the preceding convolution. */
    public boolean foldsBatchNorm() {
        return foldBatchNorm || int8 != null;
    }

    /** The int8 calibration, if the model is to be quantised. */
    public Optional<Int8Calibration> int8() {
        return Optional.ofNullable(int8);
    }
}
