package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 1.0 bundle of each model, trained on 1,500 real training images: refused by the registry, converted by the
 * opt-in upgrade, and then predicting 300 real test images exactly as the 1.0 model did (the same doubles, and so the
 * same float probabilities).
 */
class JavaSerializedBundlesIT {
    private static LabeledDataset train;
    private static LabeledDataset test;

    @BeforeAll
    static void loadData() {
        FashionMnistData data = FashionMnist.load();
        train = StratifiedSample.sample(data.train(), 1_500, 1L);
        test = StratifiedSample.sample(data.test(), 300, 2L);
    }

    static List<ModelProvider> providers() {
        return HostileClassicBundlesTest.providers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void anUpgradedBundlePredictsExactlyAsTheOneDotXModel(ModelProvider provider, @TempDir Path dir) throws Exception {
        OneDotXBundles.Legacy legacy = OneDotXBundles.write(provider, train, dir.resolve("old.fmnist"));
        PluginRegistry registry = PluginRegistry.discover();
        IncompatibleModelException refused = org.junit.jupiter.api.Assertions.assertThrows(IncompatibleModelException.class,
                () -> registry.loadClassifier(legacy.file()));
        assertTrue(refused.getMessage().contains("upgrade-bundle"), refused.getMessage());

        Path upgraded = dir.resolve("new.fmnist");
        JavaSerializedBundles.upgrade(legacy.file(), upgraded);
        assertEquals(ClassicModels.VERSION, ModelBundle.readManifest(upgraded).providerVersion());
        try (Classifier original = legacy.original(); Classifier loaded = registry.loadClassifier(upgraded)) {
            SmileClassifier before = (SmileClassifier) original;
            SmileClassifier after = (SmileClassifier) loaded;
            for (int i = 0; i < test.size(); i++) {
                double[] x = OneDotXBundles.pixels(test, i);
                assertArrayEquals(OneDotXBundles.posterior(before, x), OneDotXBundles.posterior(after, x), provider.id() + " image " + i);
            }
            float[][] p = original.predictProbabilities(test.images());
            float[][] q = loaded.predictProbabilities(test.images());
            for (int i = 0; i < p.length; i++) {
                assertArrayEquals(p[i], q[i], provider.id() + " image " + i);
            }
        }
    }
}
