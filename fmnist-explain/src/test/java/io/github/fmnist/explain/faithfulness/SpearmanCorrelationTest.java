package io.github.fmnist.explain.faithfulness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class SpearmanCorrelationTest {

    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5}, SpearmanCorrelation.ranks(new float[] {5, 6, 7, 8, 7}), 0);
    }

    @Test
    void matchesAHandComputation() {
        // ranks [1..5] and [1, 2, 3.5, 5, 3.5]: covariance 8, variances 10 and 9.5
        assertEquals(8 / Math.sqrt(95), SpearmanCorrelation.of(new float[] {1, 2, 3, 4, 5}, new float[] {5, 6, 7, 8, 7}), 1e-12);
        assertEquals(1.0, SpearmanCorrelation.of(new float[] {0.1f, 0.5f, 0.2f}, new float[] {1, 9, 4}), 1e-12,
                "only the order counts");
        assertEquals(-1.0, SpearmanCorrelation.of(new float[] {1, 2, 3}, new float[] {3, 2, 1}), 1e-12);
    }

    @Test
    void isUndefinedForAConstantMapAndRejectsMismatchedLengths() {
        assertTrue(Double.isNaN(SpearmanCorrelation.of(new float[] {0, 0, 0}, new float[] {1, 2, 3})));
        assertThrows(InvalidInputException.class, () -> SpearmanCorrelation.of(new float[3], new float[4]));
    }
}
