package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.IncompatibleModelException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.feature.extraction.PCA;

class PcaProjectionTest {
    private static double[][] data() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] x = new double[200][12];
        for (double[] row : x) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int j = 0; j < row.length; j++) {
                row[j] = a * (j + 1) + b * (12 - j) + 0.1 * random.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void matchesSmilesOwnProjection() {
        double[][] x = data();
        PcaProjection mine = PcaProjection.fit(x, 3);
        PCA smile = PCA.fit(x).getProjection(3);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(smile.apply(x[i]), mine.apply(x[i]), 1e-9);
        }
        assertEquals(3, mine.components());
        assertEquals(12, mine.inputs());
    }

    @Test
    void survivesStorageAsMatrix() {
        double[][] x = data();
        PcaProjection pca = PcaProjection.fit(x, 4);
        PcaProjection back = PcaProjection.fromMatrix(pca.toMatrix(), 12, "test");
        assertArrayEquals(pca.apply(x[7]), back.apply(x[7]));
    }

    @Test
    void malformedStoredMatrixIsRejected() {
        assertThrows(IncompatibleModelException.class, () -> PcaProjection.fromMatrix(new double[][] {new double[12]}, 12, "t"));
        assertThrows(IncompatibleModelException.class,
                () -> PcaProjection.fromMatrix(new double[][] {new double[12], new double[11]}, 12, "t"));
    }
}
