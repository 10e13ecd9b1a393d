package io.github.fmnist.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.PluginConfigurationException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooDiscoveryTest {
    @TempDir
    Path dir;

    /** Offers one entry, "extra". */
    public static final class ExtraZoo implements ZooProvider {
        @Override
        public List<ZooEntry> entries() {
            return List.of(ZooFolders.entry("extra", ZooFolders.file(new byte[] {1}), ZooResources.of(ExtraZoo.class, "x")));
        }
    }

    /** Offers "extra" too. */
    public static final class SecondExtraZoo implements ZooProvider {
        @Override
        public List<ZooEntry> entries() {
            return new ExtraZoo().entries();
        }
    }

    /** Fails when asked. */
    public static final class BrokenZoo implements ZooProvider {
        @Override
        public List<ZooEntry> entries() {
            throw new IllegalStateException("index unreadable (simulated)");
        }
    }

    private URLClassLoader withProviders(Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services/" + ZooProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.write(services, java.util.Arrays.stream(providers).map(Class::getName).toList());
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ZooDiscoveryTest.class.getClassLoader());
    }

    @Test
    void anotherJarAddsEntries() throws IOException {
        try (URLClassLoader loader = withProviders(ExtraZoo.class)) {
            assertTrue(ZooDiscovery.discover(loader).entries().containsKey("extra"));
        }
    }

    @Test
    void aBrokenProviderIsSkippedAndTheOthersSurvive() throws IOException {
        try (URLClassLoader loader = withProviders(BrokenZoo.class, ExtraZoo.class)) {
            ZooDiscovery.Found found = ZooDiscovery.discover(loader);
            assertTrue(found.entries().containsKey("extra"));
            assertTrue(found.problems().stream().anyMatch(p -> p.contains(BrokenZoo.class.getName())
                    && p.contains("index unreadable (simulated)")), found.problems().toString());
        }
    }

    @Test
    void twoEntriesWithOneIdNameBothProviders() throws IOException {
        try (URLClassLoader loader = withProviders(ExtraZoo.class, SecondExtraZoo.class)) {
            PluginConfigurationException e = assertThrows(PluginConfigurationException.class, () -> ZooDiscovery.discover(loader));
            assertTrue(e.getMessage().contains("'extra'"), e.getMessage());
            assertTrue(e.getMessage().contains(ExtraZoo.class.getName() + " from ")
                    && e.getMessage().contains(SecondExtraZoo.class.getName() + " from "), e.getMessage());
            assertEquals(2, e.getMessage().split("test-classes", -1).length - 1, e.getMessage());
        }
    }
}
