package io.github.fmnist.bench.report;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.file.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Plotly.js from the WebJar {@code org.webjars.npm:plotly.js-dist} on the class path, copied beside the
 * report so that report.html works offline.
 */
public final class PlotlyAsset {
    /** The file name the report loads. */
    public static final String FILE = "plotly.js";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";
    private static final String SCRIPT = "META-INF/resources/webjars/plotly.js-dist/%s/plotly.js";

    private PlotlyAsset() {
    }

    /** The WebJar's version, e.g. {@code 3.0.1}. */
    public static String version() {
        try (InputStream in = loader().getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw missing();
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies plotly.js into {@code directory} unless an identical-sized copy is already there. */
    public static void copyTo(Path directory) throws IOException {
        String resource = String.format(SCRIPT, version());
        Path target = directory.resolve(FILE);
        try (InputStream in = loader().getResourceAsStream(resource)) {
            if (in == null) {
                throw missing();
            }
            long size = Files.exists(target) ? Files.size(target) : -1;
            if (size > 0 && size == sizeOf(resource)) {
                return;
            }
            AtomicFile.copy(in, target);
        }
    }

    private static long sizeOf(String resource) throws IOException {
        try (InputStream in = loader().getResourceAsStream(resource)) {
            return in == null ? -1 : in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static ClassLoader loader() {
        return PlotlyAsset.class.getClassLoader();
    }

    private static FmnistException missing() {
        return new FmnistException("Plotly.js is not on the class path: the report needs the WebJar "
                + "org.webjars.npm:plotly.js-dist (a run-time dependency of fmnist-bench)");
    }
}
