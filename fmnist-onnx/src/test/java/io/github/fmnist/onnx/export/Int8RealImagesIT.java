package io.github.fmnist.onnx.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.split.StratifiedSample;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The derived int8 error bound ({@link QuantisationErrorBound}) and top-1 on a seeded class-balanced sample of
 * 500 real Fashion-MNIST test images, which are also the calibration images (so min–max clips nothing).
 */
class Int8RealImagesIT {
    private static final Logger LOG = LoggerFactory.getLogger(Int8RealImagesIT.class);

    @Test
    void int8StaysWithinTheBoundAndKeepsTop1OnRealImages() throws Exception {
        LabeledDataset sample = StratifiedSample.sample(FashionMnist.load().test(), 500, 61);
        Int8AccuracyCheck.Result r = Int8AccuracyCheck.check(QuantisationErrorBound.network(62), sample.images());
        LOG.info("real images: {}", r);
        // random weights separate real images less than random pixels: the bound settles fewer of them here
        assertTrue(r.decided() >= r.images() / 4, r.toString());
        assertTrue(r.sameTop1() >= r.images() * 0.99, r.toString());
    }
}
