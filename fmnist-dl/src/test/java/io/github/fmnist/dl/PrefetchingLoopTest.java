package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.TrainingRequest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prefetching loop (batches built on another thread, reused input arrays, cached pre-activations, the
 * swapped-in ReLU derivative and max pooling) trains the bit-identical parameters the sequential loop it replaced
 * trains with DL4J's own layers, twice over, with a short last batch and augmentation on.
 */
class PrefetchingLoopTest {

    static Stream<Arguments> networks() {
        return Stream.of(Arguments.of("cnn", new CnnProvider(), TinyTraining.cnn().with(CnnProvider.EPOCHS, 2)),
                Arguments.of("cnn paper", new CnnProvider(), new CnnProvider().descriptor().preset("paper")
                        .with(CnnProvider.EPOCHS, 2).with(CnnProvider.THREADS, 1)),
                Arguments.of("resnet", new ResnetProvider(), TinyTraining.resnet().with(ResnetProvider.EPOCHS, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void prefetchingGivesTheSequentialLoopsParameters(String name, GraphProvider provider, Hyperparameters hp) {
        LabeledDataset data = TinyTraining.data(200);
        float[] sequential = parameters(provider, hp, data, BatchSource.Loop.SEQUENTIAL);
        float[] prefetching = parameters(provider, hp, data, BatchSource.Loop.PREFETCHING);
        float[] again = parameters(provider, hp, data, BatchSource.Loop.PREFETCHING);
        assertArrayEquals(sequential, prefetching, name + ": the prefetching loop trained other parameters");
        assertArrayEquals(prefetching, again, name + ": two prefetching trainings differ");
        float[] untrained = new GraphTrainer(ModelInfo.of(provider.descriptor(), hp),
                TrainingHyperparameters.settings(hp.with(TrainingHyperparameters.EPOCHS, 1)), provider.architecture(hp),
                BatchSource.Loop.PREFETCHING).fit(TrainingRequest.of(data.slice(0, 1), TinyTraining.SEED)) instanceof GraphClassifier c
                ? c.network().params().toFloatVector() : new float[0];
        assertFalse(Arrays.equals(prefetching, untrained), name + ": training changed nothing");
    }

    private static float[] parameters(GraphProvider provider, Hyperparameters hp, LabeledDataset data, BatchSource.Loop loop) {
        GraphTrainer trainer = new GraphTrainer(ModelInfo.of(provider.descriptor(), hp), TrainingHyperparameters.settings(hp),
                provider.architecture(hp), loop);
        return ((GraphClassifier) trainer.fit(TrainingRequest.of(data, TinyTraining.SEED))).network().params().toFloatVector();
    }
}
