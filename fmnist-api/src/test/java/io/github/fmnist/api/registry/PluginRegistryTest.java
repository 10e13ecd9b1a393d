package io.github.fmnist.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.PluginConfigurationException;
import io.github.fmnist.api.model.ModelProvider;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {
    @TempDir
    Path dir;
    private PluginJars jars;

    @BeforeEach
    void setUp() {
        jars = new PluginJars(dir);
        System.clearProperty(PluginRegistry.MODELS_PROPERTY);
        System.clearProperty(PluginRegistry.EXPLAINERS_PROPERTY);
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(PluginRegistry.MODELS_PROPERTY);
        System.clearProperty(PluginRegistry.EXPLAINERS_PROPERTY);
    }

    private static List<String> ids(PluginRegistry registry) {
        return registry.models().stream().map(ModelProvider::id).toList();
    }

    @Test
    void discoversPluginsFromSeparateJars() throws IOException {
        try (URLClassLoader loader = PluginJars.loader(
                jars.modelPlugin("alpha.jar", "Alpha", "alpha", ""),
                jars.modelPlugin("beta.jar", "Beta", "beta", ""),
                jars.explainerPlugin("gamma.jar", "Gamma", "gamma"))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            assertEquals(List.of("alpha", "beta"), ids(registry));
            assertEquals("Beta", registry.requireModel("beta").descriptor().displayName());
            assertEquals("gamma", registry.requireExplainer("gamma").id());
            assertEquals(List.of(), registry.problems());
        }
    }

    @Test
    void propertyRestrictsModelsAndReportsUnknownIds() throws IOException {
        System.setProperty(PluginRegistry.MODELS_PROPERTY, "beta, missing");
        try (URLClassLoader loader = PluginJars.loader(
                jars.modelPlugin("alpha.jar", "Alpha", "alpha", ""),
                jars.modelPlugin("beta.jar", "Beta", "beta", ""))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            assertEquals(List.of("beta"), ids(registry));
            assertEquals(1, registry.problems().size());
            assertTrue(registry.problems().get(0).contains("'missing'"), registry.problems().get(0));
        }
    }

    @Test
    void brokenPluginIsSkippedAndTheOthersSurvive() throws IOException {
        try (URLClassLoader loader = PluginJars.loader(
                jars.modelPlugin("alpha.jar", "Alpha", "alpha", ""),
                jars.modelPlugin("broken.jar", "Broken", "broken", "if (true) throw new IllegalStateException(\"no GPU driver\");"),
                jars.modelPlugin("beta.jar", "Beta", "beta", ""))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            assertEquals(List.of("alpha", "beta"), ids(registry));
            assertEquals(1, registry.problems().size());
            String problem = registry.problems().get(0);
            assertTrue(problem.contains("plugins.Broken") && problem.contains("no GPU driver"), problem);
        }
    }

    @Test
    void duplicateIdsNameBothJars() throws IOException {
        try (URLClassLoader loader = PluginJars.loader(
                jars.modelPlugin("first-plugin.jar", "First", "twin", ""),
                jars.modelPlugin("second-plugin.jar", "Second", "twin", ""))) {
            PluginConfigurationException e = assertThrows(PluginConfigurationException.class,
                    () -> PluginRegistry.discover(loader));
            String m = e.getMessage();
            assertTrue(m.contains("'twin'") && m.contains("first-plugin.jar") && m.contains("second-plugin.jar")
                    && m.contains("plugins.First") && m.contains("plugins.Second"), m);
        }
    }

    @Test
    void restrictionCanSidestepADuplicate() throws IOException {
        System.setProperty(PluginRegistry.MODELS_PROPERTY, "alpha");
        try (URLClassLoader loader = PluginJars.loader(
                jars.modelPlugin("alpha.jar", "Alpha", "alpha", ""),
                jars.modelPlugin("first-plugin.jar", "First", "twin", ""),
                jars.modelPlugin("second-plugin.jar", "Second", "twin", ""))) {
            assertEquals(List.of("alpha"), ids(PluginRegistry.discover(loader)));
        }
    }

    @Test
    void unknownIdErrorListsWhatIsAvailable() throws IOException {
        try (URLClassLoader loader = PluginJars.loader(jars.modelPlugin("alpha.jar", "Alpha", "alpha", ""))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> registry.requireModel("cnn"));
            assertTrue(e.getMessage().contains("'cnn'") && e.getMessage().contains("[alpha]"), e.getMessage());
            assertTrue(registry.model("cnn").isEmpty());
        }
    }

    @Test
    void aMissingPublishedPluginNamesTheArtifactThatProvidesIt() throws IOException {
        try (URLClassLoader loader = PluginJars.loader(jars.modelPlugin("alpha.jar", "Alpha", "alpha", ""))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            InvalidInputException cnn = assertThrows(InvalidInputException.class, () -> registry.requireModel("cnn"));
            assertEquals("no model plugin with id 'cnn'; available: [alpha]; 'cnn' is provided by io.github.fmnist:fmnist-dl:"
                    + " add that dependency to the class path", cnn.getMessage());
            InvalidInputException svm = assertThrows(InvalidInputException.class, () -> registry.requireModel("svm"));
            assertTrue(svm.getMessage().contains("io.github.fmnist:fmnist-classic"), svm.getMessage());
            InvalidInputException grad = assertThrows(InvalidInputException.class, () -> registry.requireExplainer("gradcam"));
            assertTrue(grad.getMessage().contains("io.github.fmnist:fmnist-explain"), grad.getMessage());
            InvalidInputException mine = assertThrows(InvalidInputException.class, () -> registry.requireModel("mine"));
            assertFalse(mine.getMessage().contains("provided by"), mine.getMessage());
        }
    }

    @Test
    void aBundleFromANewerProviderVersionIsRefusedBeforeLoading() throws IOException {
        Path newer = bundleOf("alpha", "2.0");
        Path same = bundleOf("alpha", "1");
        // The test plugin is version 1 and its load() throws UnsupportedOperationException: reaching it means accepted.
        try (URLClassLoader loader = PluginJars.loader(jars.modelPlugin("alpha.jar", "Alpha", "alpha", ""))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> registry.loadClassifier(newer));
            assertTrue(e.getMessage().contains("written by provider 'alpha' 2.0"), e.getMessage());
            assertTrue(e.getMessage().contains("reads 1.0 to 1.0"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> registry.loadClassifier(same));
        }
    }

    @Test
    void aBundleDeclaringMoreThanItsProviderAcceptsIsRefusedBeforeInflating() throws IOException {
        Path bundle = bundleOf("alpha", "1.0", 1000);
        try (URLClassLoader loader = PluginJars.loader(jars.modelPlugin("alpha.jar", "Alpha", "alpha", "",
                "public long maxPayloadBytes() { return 100; }"))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            TamperedModelException e = assertThrows(TamperedModelException.class, () -> registry.loadClassifier(bundle));
            assertTrue(e.getMessage().contains("declares 1000 payload bytes; provider 'alpha' accepts at most 100"), e.getMessage());
        }
    }

    @Test
    void theProvidersAdviceCompletesTheVersionRefusal() throws IOException {
        Path newer = bundleOf("alpha", "2.0");
        try (URLClassLoader loader = PluginJars.loader(jars.modelPlugin("alpha.jar", "Alpha", "alpha", "",
                "public String unreadableVersionAdvice(String v) { return \"convert it with tool X from \" + v; }"))) {
            PluginRegistry registry = PluginRegistry.discover(loader);
            IncompatibleModelException e = assertThrows(IncompatibleModelException.class, () -> registry.loadClassifier(newer));
            assertTrue(e.getMessage().endsWith("convert it with tool X from 2.0"), e.getMessage());
        }
    }

    private Path bundleOf(String id, String version) throws IOException {
        return bundleOf(id, version, 1);
    }

    private Path bundleOf(String id, String version, int payloadBytes) throws IOException {
        Path file = dir.resolve(id + "-" + version + ".fmnist");
        ModelBundle.save(file, new Classifier() {
            @Override
            public ModelInfo info() {
                return new ModelInfo(id, version, Hyperparameters.defaults(List.of()));
            }

            @Override
            public float[][] predictNormalized(float[] nchw) {
                return new float[Classifier.imageCount(nchw)][10];
            }

            @Override
            public void writePayload(PayloadSink sink) throws IOException {
                sink.write("x.bin", new byte[payloadBytes]);
            }
        });
        return file;
    }
}
