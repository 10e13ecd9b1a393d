package io.github.fmnist.api.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** Which published fmnist artifact provides each plugin id, so that a missing plugin's message says what to add. */
final class KnownPlugins {
    private static final Properties ARTIFACTS = load();

    private KnownPlugins() {
    }

    /** The Maven coordinates ({@code group:artifact}) of the artifact providing plugin {@code id} of {@code kind}. */
    static Optional<String> artifactOf(String kind, String id) {
        return Optional.ofNullable(ARTIFACTS.getProperty(kind + "." + id));
    }

    /** A sentence naming the artifact that provides {@code id}, or nothing for an id fmnist does not publish. */
    static String hint(String kind, String id) {
        return artifactOf(kind, id)
                .map(a -> "; '" + id + "' is provided by " + a + ": add that dependency to the class path")
                .orElse("");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = KnownPlugins.class.getResourceAsStream("known-plugins.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known-plugins.properties from fmnist-api", e);
        }
        return p;
    }
}
