package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.FeatureExtractor;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.api.network.NetworkNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The features must be what the logits layer reads: that layer's weights applied to them give the logits whose
 * softmax the classifier predicts. And they must behave like predictions: per image, and thread-safe.
 */
class FeatureExtractorTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("cnn", new CnnProvider(), TinyTraining.cnn(), "dropout", 128),
                Arguments.of("resnet", new ResnetProvider(), TinyTraining.resnet(), "gap", 128));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void logitsLayerAppliedToTheFeaturesGivesThePredictions(String name, ModelProvider provider, Hyperparameters hp,
                                                            String layer, int count) throws Exception {
        try (GraphClassifier classifier = TinyTraining.train(provider, hp, TinyTraining.data(128), TinyTraining.SEED)) {
            FeatureExtractor extractor = classifier.unwrap(FeatureExtractor.class).orElseThrow();
            assertEquals(layer, extractor.featureLayer());
            assertEquals(count, extractor.featureCount());

            float[] pixels = TinyTraining.data(300).slice(260, 300).images().toNormalizedNchw();
            float[][] features = extractor.features(pixels);
            float[][] probabilities = classifier.predictNormalized(pixels);
            Layer.Dense logits = logitsLayer(classifier.describeNetwork());
            assertEquals(40, features.length);
            for (int i = 0; i < features.length; i++) {
                assertEquals(count, features[i].length);
                double[] softmax = softmax(apply(logits, features[i]));
                for (int c = 0; c < 10; c++) {
                    assertEquals(probabilities[i][c], softmax[c], 1e-5, name + " image " + i + " class " + c);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void eachRowDependsOnItsImageAndThreadsAgree(String name, ModelProvider provider, Hyperparameters hp,
                                                 String layer, int count) throws Exception {
        try (GraphClassifier classifier = TinyTraining.train(provider, hp, TinyTraining.data(64), TinyTraining.SEED)) {
            FeatureExtractor extractor = classifier.unwrap(FeatureExtractor.class).orElseThrow();
            LabeledDataset probe = TinyTraining.data(300).slice(0, 300);
            float[] pixels = probe.images().toNormalizedNchw();
            float[][] batch = extractor.features(pixels);
            assertArrayEquals(batch[7], extractor.features(probe.images().get(7).toNormalized())[0], 1e-6f);

            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[][]>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    futures.add(threads.submit(() -> extractor.features(pixels)));
                }
                for (Future<float[][]> f : futures) {
                    float[][] concurrent = f.get();
                    for (int i = 0; i < batch.length; i++) {
                        assertArrayEquals(batch[i], concurrent[i], name + " row " + i);
                    }
                }
            } finally {
                threads.shutdown();
            }
            assertThrows(InvalidInputException.class, () -> extractor.features(new float[100]));
            assertThrows(InvalidInputException.class, () -> extractor.features(new float[0]));
        }
    }

    private static Layer.Dense logitsLayer(NetworkDescription d) {
        for (NetworkNode node : d.nodes()) {
            if (node.name().equals(d.logits())) {
                return (Layer.Dense) node.layer();
            }
        }
        throw new AssertionError("no logits node");
    }

    private static double[] apply(Layer.Dense dense, float[] x) {
        float[] w = dense.weights();
        float[] b = dense.bias();
        double[] out = new double[dense.outputs()];
        for (int o = 0; o < out.length; o++) {
            double sum = b[o];
            for (int i = 0; i < dense.inputs(); i++) {
                sum += (double) x[i] * w[i * dense.outputs() + o];
            }
            out[o] = sum;
        }
        return out;
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double total = 0;
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.exp(z[i] - max);
            total += out[i];
        }
        for (int i = 0; i < z.length; i++) {
            out[i] /= total;
        }
        return out;
    }
}
