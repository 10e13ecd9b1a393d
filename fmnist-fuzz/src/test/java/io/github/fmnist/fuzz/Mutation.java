package io.github.fmnist.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Arrays;

/**
 * Turns a seed and the fuzzer's bytes into one input: the seed as it is, with bytes overwritten, cut short,
 * with bytes inserted, or replaced outright by the fuzzer's bytes. Seeds are made in code ({@link Seeds}), so
 * the coverage-guided fuzzer starts from valid files of every kind without committing them.
 */
final class Mutation {
    private static final int MAX_EDITS = 16;

    private Mutation() {
    }

    static byte[] apply(byte[] seed, FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 3);
        return switch (mode) {
            case 0 -> overwrite(seed, data);
            case 1 -> Arrays.copyOf(seed, data.consumeInt(0, seed.length));
            case 2 -> insert(seed, data);
            default -> data.consumeRemainingAsBytes();
        };
    }

    private static byte[] overwrite(byte[] seed, FuzzedDataProvider data) {
        byte[] out = seed.clone();
        int edits = data.consumeInt(0, MAX_EDITS);
        for (int i = 0; i < edits && out.length > 0 && data.remainingBytes() > 0; i++) {
            int at = data.consumeInt(0, out.length - 1);
            // Multi-byte edits reach the big-endian lengths and counts that headers are made of.
            byte[] value = data.consumeBytes(data.consumeInt(1, 4));
            System.arraycopy(value, 0, out, at, Math.min(value.length, out.length - at));
        }
        return out;
    }

    private static byte[] insert(byte[] seed, FuzzedDataProvider data) {
        int at = data.consumeInt(0, seed.length);
        byte[] inserted = data.consumeBytes(data.consumeInt(0, 4096));
        byte[] out = new byte[seed.length + inserted.length];
        System.arraycopy(seed, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(seed, at, out, at + inserted.length, seed.length - at);
        return out;
    }
}
