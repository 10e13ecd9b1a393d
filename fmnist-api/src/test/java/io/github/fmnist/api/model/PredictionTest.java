package io.github.fmnist.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.fmnist.api.FashionClass;
import org.junit.jupiter.api.Test;

class PredictionTest {
    private static final Prediction BOOT = new Prediction(new float[] {0, 0, 0, 0, 0, 0.004f, 0, 0.021f, 0.002f, 0.973f});

    @Test
    void topPrintsClassNamesWithPercentages() {
        assertEquals("[Ankle boot 97.3 %, Sneaker 2.1 %, Sandal 0.4 %]", BOOT.top(3).toString());
    }

    @Test
    void printsItsBestGuess() {
        assertEquals("Prediction[Ankle boot 97.3 %]", BOOT.toString());
        assertEquals(FashionClass.ANKLE_BOOT, BOOT.predicted());
    }
}
