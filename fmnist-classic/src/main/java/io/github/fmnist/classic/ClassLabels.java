package io.github.fmnist.classic;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.bundle.PayloadReader;
import io.github.fmnist.api.bundle.PayloadWriter;
import java.io.IOException;
import smile.util.IntSet;

/** The class labels a Smile model was fitted with, in a payload: always the ten Fashion-MNIST classes 0..9 in order. */
final class ClassLabels {
    private ClassLabels() {
    }

    static void write(PayloadWriter out, int[] classes) throws IOException {
        out.count(classes.length);
        out.ints(classes);
    }

    /** Reads labels written by {@link #write}, which must be 0..9. */
    static IntSet read(PayloadReader in) {
        long at = in.offset();
        int n = in.count("classes", FashionClass.COUNT, Integer.BYTES);
        int[] classes = in.ints("class labels", n, 0, FashionClass.COUNT - 1);
        for (int c = 0; c < FashionClass.COUNT; c++) {
            if (n != FashionClass.COUNT || classes[c] != c) {
                throw in.fail(at, "expected the class labels 0 to 9 in order, found " + java.util.Arrays.toString(classes));
            }
        }
        return new IntSet(classes);
    }
}
