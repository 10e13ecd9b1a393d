package io.github.fmnist.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterChoiceTest {
    private static final Hyperparameter<Integer> EPOCHS = Hyperparameter.ofInt("epochs", 10, 1, 100, "epochs");
    private static final Hyperparameter<Double> RATE = Hyperparameter.ofDouble("rate", 0.1, 0, 1, "rate");
    private static final Hyperparameters DEFAULTS = Hyperparameters.defaults(List.of(EPOCHS, RATE));
    private static final BenchProfile QUICK = new BenchProfile("quick", 100, 0.1, 0, "quick",
            Map.of("m", Map.of("epochs", "2", "unknown", "5")));

    private static ModelDescriptor descriptor(boolean withQuickPreset) {
        Map<String, Hyperparameters> presets = new LinkedHashMap<>();
        presets.put(ModelDescriptor.DEFAULT_PRESET, DEFAULTS);
        presets.put("paper", DEFAULTS.with(EPOCHS, 20));
        if (withQuickPreset) {
            presets.put("quick", DEFAULTS.with(EPOCHS, 3));
        }
        return new ModelDescriptor("m", "M", "toy", "1", "test", true, presets);
    }

    @Test
    void profileOverridesApplyToDeclaredNamesWhenTheProviderHasNoProfilePreset() {
        HyperparameterChoice c = HyperparameterChoice.resolve(descriptor(false), QUICK, null, Map.of());
        assertEquals("default", c.preset());
        assertEquals(2, c.values().get(EPOCHS));
        assertEquals(0.1, c.values().get(RATE));
    }

    @Test
    void aProvidersOwnProfilePresetWins() {
        HyperparameterChoice c = HyperparameterChoice.resolve(descriptor(true), QUICK, null, Map.of());
        assertEquals("quick", c.preset());
        assertEquals(3, c.values().get(EPOCHS));
    }

    @Test
    void commandLinePresetAndValuesWinOverTheProfile() {
        HyperparameterChoice c = HyperparameterChoice.resolve(descriptor(true), QUICK, "paper", Map.of("rate", "0.5"));
        assertEquals("paper", c.preset());
        assertEquals(20, c.values().get(EPOCHS));
        assertEquals(0.5, c.values().get(RATE));
    }

    @Test
    void unknownCommandLineNamesAndPresetsAreErrors() {
        assertThrows(InvalidInputException.class, () -> HyperparameterChoice.resolve(descriptor(false), QUICK, null, Map.of("nope", "1")));
        assertThrows(InvalidInputException.class, () -> HyperparameterChoice.resolve(descriptor(false), QUICK, "nope", Map.of()));
    }
}
