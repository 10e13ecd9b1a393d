package io.github.fmnist.onnx.export;

/** How an activation tensor's int8 range is chosen from its values on the calibration images. */
public enum CalibrationMethod {
    /** The smallest and largest value seen: nothing is clipped on the calibration images. */
    MIN_MAX("min-max"),
    /**
     * The 0.01st and 99.99th percentiles of the values seen (from a 4,096-bin histogram per tensor): the
     * rarest extremes are clipped, in exchange for a finer step for everything else.
     */
    PERCENTILE("percentile-99.99");

    private final String label;

    CalibrationMethod(String label) {
        this.label = label;
    }

    /** The name recorded in the model's metadata and accepted by {@link #parse(String)}. */
    public String label() {
        return label;
    }

    /** The method whose {@link #label()} or enum name (any case) is {@code text}. */
    public static CalibrationMethod parse(String text) {
        for (CalibrationMethod m : values()) {
            if (m.label.equalsIgnoreCase(text) || m.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return m;
            }
        }
        throw new io.github.fmnist.api.InvalidInputException("unknown calibration method '" + text
                + "', expected one of min-max, percentile-99.99");
    }
}
