package io.github.fmnist.classic;

import java.util.HashMap;

/**
 * The hostile payload of issue 16: nested {@code HashMap}s (allow-listed JDK collections) that serialise to a few
 * kilobytes but whose deserialisation hashes each level's keys twice, 2^depth work in all. Built so that building
 * it is cheap: every key is inserted while it holds only its sentinel entry.
 */
final class NestedMaps {
    private NestedMaps() {
    }

    static HashMap<Object, Object> of(int depth) {
        @SuppressWarnings("unchecked")
        HashMap<Object, Object>[] a = new HashMap[depth + 1];
        @SuppressWarnings("unchecked")
        HashMap<Object, Object>[] b = new HashMap[depth + 1];
        for (int i = 0; i <= depth; i++) {
            a[i] = new HashMap<>();
            a[i].put("a", i);
            b[i] = new HashMap<>();
            b[i].put("b", i);
        }
        for (int i = depth; i >= 1; i--) {
            a[i].put(a[i - 1], 0);
            a[i].put(b[i - 1], 0);
            b[i].put(a[i - 1], 1);
            b[i].put(b[i - 1], 1);
        }
        return a[depth];
    }
}
