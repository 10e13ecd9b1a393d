package io.github.fmnist.bench.toy;

import io.github.fmnist.bench.data.BenchData;
import io.github.fmnist.bench.data.BenchDataSource;
import io.github.fmnist.testkit.SyntheticFashion;
import java.util.Map;

/** Test-only data: the testkit's synthetic stand-ins, so the whole pipeline runs in seconds. */
public final class SyntheticDataSource implements BenchDataSource {
    private final int trainSize;
    private final int testSize;

    public SyntheticDataSource(int trainSize, int testSize) {
        this.trainSize = trainSize;
        this.testSize = testSize;
    }

    @Override
    public BenchData load() {
        return new BenchData(SyntheticFashion.dataset(trainSize, 1L), SyntheticFashion.dataset(testSize, 2L),
                "synthetic test data (testkit)", "memory", Map.of("synthetic", "none"));
    }
}
