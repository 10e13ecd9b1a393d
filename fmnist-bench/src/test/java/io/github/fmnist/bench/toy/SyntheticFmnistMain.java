package io.github.fmnist.bench.toy;

import io.github.fmnist.bench.cli.FmnistMain;

/** The fmnist command with synthetic data, for tests that need a separate JVM (signals). */
public final class SyntheticFmnistMain {
    private SyntheticFmnistMain() {
    }

    public static void main(String[] args) {
        System.exit(FmnistMain.run(args, System.out, System.err, SyntheticBench.testData()));
    }
}
