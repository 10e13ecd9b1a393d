package io.github.fmnist.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProviderVersionTest {
    @Test
    void readsItsOwnMajorVersionUpToItsMinor() {
        assertTrue(ProviderVersion.canRead("1.1", "1.0"));
        assertTrue(ProviderVersion.canRead("1.1", "1.1"));
        assertTrue(ProviderVersion.canRead("1.1", "1.1.7"));
        assertTrue(ProviderVersion.canRead("1", "1.0"));
        assertFalse(ProviderVersion.canRead("1.1", "1.2"));
        assertFalse(ProviderVersion.canRead("1.1", "2.0"));
        assertFalse(ProviderVersion.canRead("2.0", "1.9"));
    }

    @Test
    void versionsThatAreNotNumbersMustMatch() {
        assertTrue(ProviderVersion.canRead("beta", "beta"));
        assertFalse(ProviderVersion.canRead("beta", "1.0"));
        assertFalse(ProviderVersion.canRead("1.0", "1.x"));
    }

    @Test
    void describesTheReadableRange() {
        assertEquals("1.0 to 1.3", ProviderVersion.readableRange("1.3"));
        assertEquals("only beta", ProviderVersion.readableRange("beta"));
    }
}
