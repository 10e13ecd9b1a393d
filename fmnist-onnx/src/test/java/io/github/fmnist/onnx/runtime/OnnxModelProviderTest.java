package io.github.fmnist.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fmnist.api.UnsupportedFeatureException;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

class OnnxModelProviderTest {

    @Test
    void registryFindsTheRuntimeProvider() {
        ModelProvider provider = PluginRegistry.discover().requireModel("onnx");
        assertInstanceOf(OnnxModelProvider.class, provider);
        assertEquals("runtime", provider.descriptor().family());
        assertFalse(provider.descriptor().trainable());
        assertEquals("cpu", provider.descriptor().preset("cpu").asText().get("execution-provider"));
    }

    @Test
    void trainingIsUnsupported() {
        OnnxModelProvider provider = new OnnxModelProvider();
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> provider.trainer(provider.descriptor().defaults()));
        assertEquals(true, e.getMessage().contains("cannot train"));
    }
}
