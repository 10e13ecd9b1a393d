package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import io.github.fmnist.testkit.ReferenceNetwork;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The network description must compute what DL4J computes: the testkit's reference evaluation of the description
 * (softmax of its logits, double precision) has to match the classifier's probabilities.
 */
class NetworkDescriptionTest {
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("cnn default", new CnnProvider(), TinyTraining.cnn()),
                Arguments.of("cnn paper", new CnnProvider(), TinyTraining.cnn().with(CnnProvider.BATCH_NORM, false)
                        .with(CnnProvider.PADDING, "valid")),
                Arguments.of("cnn same padding", new CnnProvider(), TinyTraining.cnn().with(CnnProvider.PADDING, "same")),
                Arguments.of("resnet default", new ResnetProvider(), TinyTraining.resnet()),
                Arguments.of("resnet paper", new ResnetProvider(), TinyTraining.resnet().with(ResnetProvider.STAGE_WIDTHS, "32-32")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void describedForwardPassMatchesTheClassifier(String name, ModelProvider provider, Hyperparameters hp) {
        // A few hundred steps' worth of examples move the BatchNorm running statistics well away from their start.
        GraphClassifier classifier = TinyTraining.train(provider, hp, TinyTraining.data(256), TinyTraining.SEED);
        NetworkDescription description = classifier.describeNetwork();
        LabeledDataset probe = TinyTraining.data(300).slice(256, 300);
        float[] pixels = probe.images().toNormalizedNchw();
        float[][] expected = classifier.predictNormalized(pixels);
        double[][] reference = ReferenceNetwork.of(description).probabilities(pixels);
        double worst = 0;
        for (int i = 0; i < probe.size(); i++) {
            for (int c = 0; c < 10; c++) {
                worst = Math.max(worst, Math.abs(reference[i][c] - expected[i][c]));
            }
        }
        assertTrue(worst < TOLERANCE, name + ": description and classifier differ by " + worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void descriptionEndsAtTheLogitsWithoutSoftmax(String name, ModelProvider provider, Hyperparameters hp) {
        GraphClassifier classifier = TinyTraining.train(provider, hp, TinyTraining.data(32), TinyTraining.SEED);
        NetworkDescription description = classifier.describeNetwork();
        NetworkNode last = description.nodes().get(description.nodes().size() - 1);
        assertEquals(Architecture.LOGITS, description.logits());
        assertEquals(Architecture.LOGITS, last.name());
        Layer.Dense logits = assertInstanceOf(Layer.Dense.class, last.layer());
        assertEquals(10, logits.outputs());
        Layer.Convolution first = assertInstanceOf(Layer.Convolution.class, description.nodes().get(0).layer());
        assertEquals(1, first.inChannels());
        assertEquals(NetworkDescription.INPUT, description.nodes().get(0).inputs().get(0));
        boolean hasBatchNorm = description.nodes().stream().anyMatch(n -> n.layer() instanceof Layer.BatchNorm);
        assertEquals(!name.equals("cnn paper"), hasBatchNorm, "batch normalisation nodes");
        if (name.startsWith("resnet")) {
            assertTrue(description.nodes().stream().anyMatch(n -> n.layer() instanceof Layer.Add));
            assertTrue(description.nodes().stream().anyMatch(n -> n.layer() instanceof Layer.GlobalAveragePool));
        } else {
            assertTrue(description.nodes().stream().anyMatch(n -> n.layer() instanceof Layer.Dropout d && d.rate() == 0.5));
        }
        assertFalse(description.nodes().stream().anyMatch(n -> n.layer() instanceof Layer.AveragePool));
    }
}
