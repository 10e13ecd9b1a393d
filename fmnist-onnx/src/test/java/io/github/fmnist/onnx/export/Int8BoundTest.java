package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class Int8BoundTest {
    private static final Logger LOG = LoggerFactory.getLogger(Int8BoundTest.class);

    @Test
    void int8LogitsStayWithinTheDerivedBoundOfFloat() throws Exception {
        Int8AccuracyCheck.Result r = Int8AccuracyCheck.check(QuantisationErrorBound.network(51), Int8ExportTest.randomBatch(200, 52));
        LOG.info("synthetic images: {}", r);
        assertTrue(r.worstBoundUse() > 0, "int8 and float logits were identical: nothing was quantised");
        // a bound too loose to settle top-1 for most images would say little about it
        assertTrue(r.decided() >= r.images() * 0.8, r.toString());
    }
}
