package io.github.fmnist.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.explain.network.LinearSoftmax;
import io.github.fmnist.explain.network.TestConvNet;
import io.github.fmnist.explain.network.Training;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerPluginsTest {

    @Test
    void theRegistryFindsAllFourExplainers() {
        PluginRegistry registry = PluginRegistry.discover();
        assertEquals(List.of("gradcam", "gradcam++", "scorecam", "occlusion"),
                registry.explainers().stream().map(ExplainerProvider::id).toList());
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void onlyOcclusionExplainsAClassifierWithoutGradients() {
        PluginRegistry registry = PluginRegistry.discover();
        LinearSoftmax logreg = new LinearSoftmax(new double[7840], new double[10]);
        TestConvNet cnn = TestConvNet.random(Training.ARCHITECTURE, Training.POOLING, 1);
        for (ExplainerProvider p : registry.explainers()) {
            assertEquals(p.descriptor().modelAgnostic(), p.supports(logreg), p.id());
            assertTrue(p.supports(cnn), p.id());
            assertFalse(p.descriptor().defaults().declared().isEmpty(), p.id() + " documents its options");
        }
    }
}
