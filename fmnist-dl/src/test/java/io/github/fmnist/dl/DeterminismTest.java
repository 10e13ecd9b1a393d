package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A fixed seed and thread count give bit-identical parameters, augmentation, dropout and all. */
class DeterminismTest {

    static Stream<Arguments> networks() {
        return Stream.of(Arguments.of("cnn", new CnnProvider(), TinyTraining.cnn()),
                Arguments.of("resnet", new ResnetProvider(), TinyTraining.resnet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void sameSeedGivesIdenticalParameters(String name, ModelProvider provider, Hyperparameters hp) {
        LabeledDataset data = TinyTraining.data(192);
        float[] first = parameters(provider, hp, data, 11);
        float[] second = parameters(provider, hp, data, 11);
        assertArrayEquals(first, second, name + ": two trainings with seed 11 differ");
        float[] other = parameters(provider, hp, data, 12);
        assertFalse(Arrays.equals(first, other), name + ": seeds 11 and 12 gave the same parameters");
    }

    private static float[] parameters(ModelProvider provider, Hyperparameters hp, LabeledDataset data, long seed) {
        return TinyTraining.train(provider, hp, data, seed).network().params().toFloatVector();
    }
}
