package io.github.fmnist.dl;

import java.util.ArrayList;
import java.util.List;

/**
 * What a training run swapped into a network for speed, and how to put each original back: closing it restores
 * them in reverse order, so the saved network and later inference see Deeplearning4j's own objects only.
 */
final class TrainingSwaps implements AutoCloseable {
    private final List<Runnable> restores = new ArrayList<>();

    void add(Runnable restore) {
        restores.add(restore);
    }

    /** How many things were swapped. */
    int count() {
        return restores.size();
    }

    @Override
    public void close() {
        for (int i = restores.size() - 1; i >= 0; i--) {
            restores.get(i).run();
        }
        restores.clear();
    }
}
