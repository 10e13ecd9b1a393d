package io.github.fmnist.explain.render;

/**
 * The "jet" colour map of the seed's figures (Matplotlib's definition): 0 is dark blue, then blue, cyan,
 * yellow, red, and 1 is dark red, so the most influential pixels are bright yellow to red.
 */
public final class JetColorMap {

    private JetColorMap() {
    }

    /**
     * The colour of {@code value} as {@code 0xRRGGBB}; values outside [0, 1] are clamped, NaN counts as 0.
     * For example 0 → {@code 0x000080}, 0.375 → cyan {@code 0x00FFFF}, 0.625 → yellow {@code 0xFFFF00},
     * 1 → {@code 0x800000}.
     */
    public static int rgb(double value) {
        double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        return channel(v, 3) << 16 | channel(v, 2) << 8 | channel(v, 1);
    }

    /** Each channel is a trapezoid of height 1 centred at {@code centre / 4}, rising and falling with slope 4. */
    private static int channel(double v, int centre) {
        double level = Math.max(0, Math.min(1, 1.5 - Math.abs(4 * v - centre)));
        return (int) Math.round(level * 255);
    }
}
