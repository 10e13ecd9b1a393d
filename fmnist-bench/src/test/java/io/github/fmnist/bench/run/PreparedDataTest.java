package io.github.fmnist.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.bench.data.BenchData;
import io.github.fmnist.bench.toy.SyntheticDataSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparedDataTest {
    private final BenchData data = new SyntheticDataSource(1000, 400).load();

    @Test
    void drawsAClassBalancedPoolThenAStratifiedSplitReproducibly() {
        BenchProfile profile = new BenchProfile("p", 500, 0.2, 200, "default", Map.of());
        PreparedData a = PreparedData.draw(data, profile, 3L);
        PreparedData b = PreparedData.draw(data, profile, 3L);
        assertEquals(400, a.train().size());
        assertEquals(100, a.validation().size());
        assertEquals(200, a.test().size());
        assertArrayEquals(new int[] {40, 40, 40, 40, 40, 40, 40, 40, 40, 40}, a.train().classCounts());
        assertEquals(a.train(), b.train(), "same seed, same split");
        assertEquals(a.test(), b.test());
        assertNotEquals(a.train(), PreparedData.draw(data, profile, 4L).train(), "another seed, another split");
        assertTrue(a.info().description().contains("400 train / 100 validation (seed 3)"), a.info().description());
    }

    @Test
    void zeroSizesMeanEverything() {
        PreparedData all = PreparedData.draw(data, BenchProfile.FULL, 1L);
        assertEquals(1000, all.train().size());
        assertEquals(0, all.validation().size());
        assertEquals(400, all.test().size());
    }
}
