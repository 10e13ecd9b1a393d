package io.github.fmnist.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparametersTest {
    static final Hyperparameter<Integer> EPOCHS = Hyperparameter.ofInt("epochs", 10, 1, 100, "passes");
    static final Hyperparameter<Double> RATE = Hyperparameter.ofDouble("learning-rate", 1e-3, 1e-6, 1, "step size");
    static final Hyperparameter<String> SCHEDULE = Hyperparameter.ofChoice("schedule", "cosine", List.of("cosine", "none"), "LR schedule");
    static final Hyperparameter<Boolean> AUGMENT = Hyperparameter.ofBoolean("augment", true, "random shifts and flips");

    private final Hyperparameters defaults = Hyperparameters.defaults(List.of(EPOCHS, RATE, SCHEDULE, AUGMENT));

    @Test
    void defaultsAndOverrides() {
        assertEquals(10, defaults.get(EPOCHS));
        Hyperparameters changed = defaults.with(EPOCHS, 3).with("learning-rate", "0.01").with("augment", "no");
        assertEquals(3, changed.get(EPOCHS));
        assertEquals(0.01, changed.get(RATE));
        assertEquals(false, changed.get(AUGMENT));
        assertEquals(10, defaults.get(EPOCHS), "the original is unchanged");
    }

    @Test
    void textRoundTrip() {
        Hyperparameters changed = defaults.with(SCHEDULE, "none").with(RATE, 0.5);
        assertEquals(changed, defaults.withAll(changed.asText()));
        assertEquals(Map.of("epochs", "10", "learning-rate", "0.5", "schedule", "none", "augment", "true"), changed.asText());
    }

    @Test
    void errorsNameTheProblem() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> defaults.with("epoch", "3"));
        assertTrue(unknown.getMessage().contains("epochs"), unknown.getMessage());
        InvalidInputException range = assertThrows(InvalidInputException.class, () -> defaults.with(EPOCHS, 0));
        assertTrue(range.getMessage().contains("[1, 100]"), range.getMessage());
        InvalidInputException text = assertThrows(InvalidInputException.class, () -> defaults.with("epochs", "ten"));
        assertTrue(text.getMessage().contains("'ten'"), text.getMessage());
        assertThrows(InvalidInputException.class, () -> defaults.with("schedule", "step"));
        assertThrows(InvalidInputException.class, () -> defaults.with("learning-rate", "NaN"));
        Hyperparameter<String> layer = Hyperparameter.ofText("layer", "conv3", "target layer");
        assertEquals("conv1", layer.parse(" conv1 "));
        assertThrows(InvalidInputException.class, () -> layer.parse("  "));
    }

    @Test
    void predictionRanksClasses() {
        float[] p = new float[10];
        p[3] = 0.6f;
        p[6] = 0.3f;
        p[0] = 0.1f;
        Prediction prediction = new Prediction(p);
        assertEquals(io.github.fmnist.api.FashionClass.DRESS, prediction.predicted());
        assertEquals(List.of(io.github.fmnist.api.FashionClass.DRESS, io.github.fmnist.api.FashionClass.SHIRT,
                io.github.fmnist.api.FashionClass.T_SHIRT_TOP),
                prediction.top(3).stream().map(Prediction.ClassProbability::fashionClass).toList());
    }
}
