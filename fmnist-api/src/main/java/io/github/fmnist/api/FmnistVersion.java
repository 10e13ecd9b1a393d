package io.github.fmnist.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the fmnist libraries on the class path, as recorded in bundles and reports. */
public final class FmnistVersion {
    private static final String VERSION = readVersion();

    private FmnistVersion() {
    }

    /** For example {@code "0.1.0"}. */
    public static String current() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = FmnistVersion.class.getResourceAsStream("fmnist-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
