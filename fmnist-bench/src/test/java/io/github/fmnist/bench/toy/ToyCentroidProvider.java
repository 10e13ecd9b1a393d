package io.github.fmnist.bench.toy;

import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import io.github.fmnist.testkit.fixture.NearestCentroidVariant;

/**
 * The testkit's nearest-centroid fixture as the bench's ordinary model: six epochs by default and a {@code quick}
 * preset of four, so the bench's preset choice and per-epoch curves show; it describes itself as Flatten + Dense, so
 * the ONNX export and comparison run too.
 */
public class ToyCentroidProvider extends NearestCentroidProvider {
    public static final String ID = "toy-centroid";

    public ToyCentroidProvider() {
        this(ID);
    }

    /** A copy under another id, for tests that need several models. */
    ToyCentroidProvider(String id) {
        super(variant(id));
    }

    /** The bench's variant under {@code id}, for subclasses that add hooks. */
    static NearestCentroidVariant variant(String id) {
        return NearestCentroidVariant.named(id).displayName("Nearest centroid (toy) " + id).epochs(6).preset("quick", 4);
    }
}
