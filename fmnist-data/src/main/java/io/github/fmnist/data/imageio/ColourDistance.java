package io.github.fmnist.data.imageio;

/** Colour differences on the 0..255 scale: the root mean square over red, green and blue. */
final class ColourDistance {
    private ColourDistance() {
    }

    /** √((dr² + dg² + db²) / 3): a gray step of v between two grays measures exactly v. */
    static float rms(float dr, float dg, float db) {
        return (float) Math.sqrt((dr * dr + dg * dg + db * db) / 3f);
    }
}
