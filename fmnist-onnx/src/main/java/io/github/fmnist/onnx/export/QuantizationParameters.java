package io.github.fmnist.onnx.export;

import io.github.fmnist.api.InvalidInputException;

/**
 * Per-tensor 8-bit parameters of an activation: {@code real = (q − zeroPoint) · scale}, {@code q ∈ [0, 255]}
 * (unsigned: ONNX Runtime's x86 kernels multiply unsigned activations by signed weights, and given signed
 * activations it converts them first, which broke its fusions around shared tensors in 1.29.0). The range
 * always contains 0, so 0 is exactly representable (zero padding, ReLU); a range starting at 0 gets zero
 * point 0, which lets ONNX Runtime drop a ReLU in front of the QuantizeLinear.
 */
record QuantizationParameters(float scale, int zeroPoint) {
    static final int Q_MIN = 0;
    static final int Q_MAX = 255;

    /**
     * Parameters covering [{@code low}, {@code high}] (widened to contain 0).
     *
     * @throws InvalidInputException naming {@code tensor} if the range is empty or not finite
     */
    static QuantizationParameters covering(String tensor, double low, double high, int calibrationImages) {
        double lo = Math.min(0, low);
        double hi = Math.max(0, high);
        double scale = (hi - lo) / (Q_MAX - Q_MIN);
        if (!(scale > 0) || !Double.isFinite(scale) || (float) scale == 0f) {
            throw new InvalidInputException("int8 calibration: tensor '" + tensor + "' took only the value " + low + " .. "
                    + high + " on all " + calibrationImages + " calibration image(s), so no int8 scale can be derived "
                    + "(expected a range of values; found constant output; calibrate on varied real images)");
        }
        int zeroPoint = (int) Math.round(Q_MIN - lo / scale);
        return new QuantizationParameters((float) scale, Math.clamp(zeroPoint, Q_MIN, Q_MAX));
    }
}
