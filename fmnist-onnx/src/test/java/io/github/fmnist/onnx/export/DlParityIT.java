package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exported DL4J networks ({@code cnn}, {@code resnet}), trained for one epoch on a 2,000-image stratified
 * sample of real Fashion-MNIST, give the same probabilities under ONNX Runtime as under DL4J on 2,000 real
 * test images.
 */
class DlParityIT {
    private static final Logger LOG = LoggerFactory.getLogger(DlParityIT.class);
    private static FashionMnistData data;

    @BeforeAll
    static void load() {
        data = FashionMnist.load();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn", "resnet"})
    void onnxRuntimeMatchesDl4j(String model, @TempDir Path dir) throws Exception {
        ExportParity.Result r = ExportParity.check(data, model, Map.of("epochs", "1"), 2_000, 2_000, dir);
        LOG.info("{}", r);
        assertEquals(model, r.onnxProviderId());
        assertTrue(r.maxAbsDifference() <= 1e-4, r + ": max |Δprobability| exceeds 1e-4");
        assertTrue(r.top1Agreement() >= 0.999, r + ": top-1 agreement below 99.9%");
    }
}
