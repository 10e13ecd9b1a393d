package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The classic plugin's {@code logreg} and {@code mlp}, exported through the same description, match Smile. */
class ClassicParityIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClassicParityIT.class);
    private static FashionMnistData data;

    @BeforeAll
    static void load() {
        data = FashionMnist.load();
    }

    @Test
    void logisticRegression(@TempDir Path dir) throws Exception {
        assertParity(ExportParity.check(data, "logreg", Map.of("max-iterations", "30"), 2_000, 2_000, dir));
    }

    @Test
    void multilayerPerceptron(@TempDir Path dir) throws Exception {
        assertParity(ExportParity.check(data, "mlp", Map.of("hidden-units", "64", "epochs", "2"), 2_000, 2_000, dir));
    }

    private static void assertParity(ExportParity.Result r) {
        LOG.info("{}", r);
        assertEquals(r.model(), r.onnxProviderId());
        assertTrue(r.maxAbsDifference() <= 1e-4, r + ": max |Δprobability| exceeds 1e-4");
        assertTrue(r.top1Agreement() >= 0.999, r + ": top-1 agreement below 99.9%");
    }
}
