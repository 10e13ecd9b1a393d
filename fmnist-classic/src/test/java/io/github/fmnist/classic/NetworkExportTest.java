package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.capability.NetworkExportable;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.api.network.Layer;
import io.github.fmnist.api.network.NetworkDescription;
import io.github.fmnist.testkit.ReferenceNetwork;
import io.github.fmnist.testkit.SyntheticFashion;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkExportTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void standardisedLogisticRegressionDescriptionMatchesSmile() {
        LogisticRegressionProvider provider = new LogisticRegressionProvider();
        NetworkDescription network = assertParity(provider,
                provider.descriptor().defaults().with(LogisticRegressionProvider.MAX_ITERATIONS, 30));
        assertEquals(List.of("Flatten", "Standardize", "Dense"), network.nodes().stream().map(n -> n.layer().typeName()).toList());
    }

    @Test
    void rawPixelLogisticRegressionDescriptionMatchesSmile() {
        LogisticRegressionProvider provider = new LogisticRegressionProvider();
        NetworkDescription network = assertParity(provider, provider.descriptor().defaults()
                .with(LogisticRegressionProvider.MAX_ITERATIONS, 30).with(LogisticRegressionProvider.STANDARDIZE, false));
        assertEquals(List.of("Flatten", "Dense"), network.nodes().stream().map(n -> n.layer().typeName()).toList());
    }

    @Test
    void mlpDescriptionMatchesSmile() {
        MlpProvider provider = new MlpProvider();
        NetworkDescription network = assertParity(provider,
                provider.descriptor().defaults().with(MlpProvider.HIDDEN_UNITS, 24).with(MlpProvider.EPOCHS, 2));
        assertEquals(List.of("Flatten", "Dense", "Activation", "Dense"),
                network.nodes().stream().map(n -> n.layer().typeName()).toList());
        assertEquals(Layer.ActivationFunction.RELU, ((Layer.Activation) network.nodes().get(2).layer()).function());
    }

    @Test
    void modelsWithoutNetworkFormDoNotClaimTheCapability() {
        KnnProvider provider = new KnnProvider();
        try (Classifier knn = provider.trainer(provider.descriptor().defaults().with(KnnProvider.PCA_COMPONENTS, 10))
                .fit(TrainingRequest.of(SyntheticFashion.dataset(100, 3L), 1L))) {
            assertTrue(knn.unwrap(NetworkExportable.class).isEmpty());
        }
    }

    private static NetworkDescription assertParity(ModelProvider provider, Hyperparameters settings) {
        LabeledDataset train = SyntheticFashion.dataset(300, 5L);
        ImageBatch images = SyntheticFashion.dataset(40, 6L).images();
        try (Classifier classifier = provider.trainer(settings).fit(TrainingRequest.of(train, 7L))) {
            NetworkDescription network = classifier.unwrap(NetworkExportable.class).orElseThrow().describeNetwork();
            float[][] smile = classifier.predictProbabilities(images);
            double[][] reference = ReferenceNetwork.of(network).probabilities(images.toNormalizedNchw());
            double worst = 0;
            for (int i = 0; i < images.size(); i++) {
                for (int c = 0; c < reference[i].length; c++) {
                    worst = Math.max(worst, Math.abs(reference[i][c] - smile[i][c]));
                }
            }
            assertTrue(worst <= TOLERANCE, provider.id() + ": description and Smile differ by " + worst);
            return network;
        }
    }
}
