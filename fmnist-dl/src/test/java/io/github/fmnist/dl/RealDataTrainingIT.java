package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default presets learn real Fashion-MNIST: two short epochs on 4,000 stratified training images must lower the
 * loss and reach far beyond chance (10%) on 1,000 test images. The full-accuracy runs belong to the bench.
 */
class RealDataTrainingIT {
    private static LabeledDataset train;
    private static LabeledDataset test;

    @BeforeAll
    static void load() {
        FashionMnistData data = FashionMnist.load();
        train = StratifiedSample.sample(data.train(), 4000, 1);
        test = StratifiedSample.sample(data.test(), 1000, 2);
    }

    static Stream<Arguments> presets() {
        return Stream.of(
                Arguments.of("cnn", new CnnProvider(), new CnnProvider().descriptor().defaults()
                        .with(CnnProvider.EPOCHS, 2).with(CnnProvider.BATCH_SIZE, 64).with(CnnProvider.THREADS, 1)),
                Arguments.of("resnet", new ResnetProvider(), new ResnetProvider().descriptor().defaults()
                        .with(ResnetProvider.EPOCHS, 2).with(ResnetProvider.BATCH_SIZE, 64).with(ResnetProvider.THREADS, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void lossFallsAndAccuracyBeatsChanceByFar(String name, ModelProvider provider, Hyperparameters hp) {
        List<Double> losses = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEvent(TrainingEvent event) {
                if (event instanceof TrainingEvent.Iteration it) {
                    losses.add(it.loss());
                }
            }
        };
        try (Classifier classifier = provider.trainer(hp).fit(new TrainingRequest(train, LabeledDataset.empty(), 5, listener))) {
            double first = losses.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = losses.subList(losses.size() - 10, losses.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < 0.6 * first, name + ": mean loss of the first 10 steps " + first + ", of the last 10 " + last);
            float[][] p = classifier.predictProbabilities(test.images());
            int correct = 0;
            for (int i = 0; i < p.length; i++) {
                if (BatchMetrics.argmax(p[i]) == test.label(i)) {
                    correct++;
                }
            }
            double accuracy = (double) correct / p.length;
            assertTrue(accuracy > 0.65, name + ": test accuracy " + accuracy + " after two epochs on 4,000 images");
        }
    }
}
