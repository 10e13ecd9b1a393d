package io.github.fmnist.api;

final class Pixels {
    private static final float[] NORMALIZED = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            NORMALIZED[i] = i / 255f;
        }
    }

    private Pixels() {
    }

    static void normalize(byte[] source, int sourceOffset, float[] target, int targetOffset, int count) {
        for (int i = 0; i < count; i++) {
            target[targetOffset + i] = NORMALIZED[source[sourceOffset + i] & 0xFF];
        }
    }
}
