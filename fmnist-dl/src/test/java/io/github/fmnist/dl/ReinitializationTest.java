package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.capability.Reinitializable;
import io.github.fmnist.api.model.Classifier;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReinitializationTest {
    private static GraphClassifier trained;

    @BeforeAll
    static void train() {
        trained = TinyTraining.train(new CnnProvider(), TinyTraining.cnn(), TinyTraining.data(64), 3);
    }

    @Test
    void twinHasTheArchitectureButNotTheWeights() throws Exception {
        float[] before = trained.network().params().toFloatVector();
        try (Classifier twin = trained.unwrap(Reinitializable.class).orElseThrow().reinitialized(11L)) {
            float[] fresh = ((GraphClassifier) twin).network().params().toFloatVector();
            assertEquals(before.length, fresh.length);
            assertFalse(Arrays.equals(before, fresh), "re-initialised weights equal the trained ones");
            assertEquals(trained.info(), twin.info());
            assertEquals(trained.convolutionLayers(),
                    twin.unwrap(ConvolutionGradients.class).orElseThrow().convolutionLayers());
            float[][] p = twin.predictNormalized(TinyTraining.data(4).images().toNormalizedNchw());
            assertEquals(4, p.length);
        }
        assertArrayEquals(before, trained.network().params().toFloatVector(), "the trained network changed");
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() throws Exception {
        try (Classifier a = trained.reinitialized(11L); Classifier b = trained.reinitialized(11L);
             Classifier c = trained.reinitialized(12L)) {
            float[] pa = ((GraphClassifier) a).network().params().toFloatVector();
            assertArrayEquals(pa, ((GraphClassifier) b).network().params().toFloatVector());
            assertNotEquals(Arrays.hashCode(pa), Arrays.hashCode(((GraphClassifier) c).network().params().toFloatVector()));
            assertTrue(pa.length > 10_000);
        }
    }
}
