package io.github.fmnist.classic;

import io.github.fmnist.api.file.NativeCache;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Smile's BLAS and LAPACK come from the OpenBLAS in the {@code org.bytedeco:openblas:<platform>} jar
 * on the class path, so that no system OpenBLAS is needed.
 *
 * <p>Smile's bindings call {@code SymbolLookup.libraryLookup("libopenblas.so", …)} in their static
 * initialisers, which is {@code dlopen("libopenblas.so")}: the dynamic loader first looks for an already
 * loaded object whose SONAME is that name, and only then searches {@code LD_LIBRARY_PATH} and the system
 * folders. So before Smile's bindings are first used, this class extracts the jar's library with its
 * SONAME changed to {@code libopenblas.so} (see {@link OpenBlasCache}) and loads it by its absolute path;
 * Smile's lookup then finds it in the process. Works on Linux (x86-64, arm64, ppc64le) in any JVM, with no
 * environment variable set before start-up.
 *
 * <p>Skipped, leaving Smile to find a library as usual, when {@code -Dfmnist.openblas=system}, when Smile's
 * own {@code smile.lib.blas} or {@code smile.lib.lapack} property names a library, on other operating
 * systems, or when the jar is not on the class path. The cache root is {@code ~/.cache/fmnist/native}, or
 * the system property {@value #CACHE_DIR_PROPERTY}.
 */
final class BundledOpenBlas {
    /** {@code bundled} (the default) or {@code system}. */
    static final String MODE_PROPERTY = "fmnist.openblas";
    /** Overrides the cache root the natives are extracted to. */
    static final String CACHE_DIR_PROPERTY = NativeCache.CACHE_DIR_PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(BundledOpenBlas.class);
    private static Outcome outcome;

    /**
     * What loading the bundled OpenBLAS did.
     *
     * @param library the loaded library, if it was loaded
     * @param description what happened, for logs and error messages
     */
    record Outcome(Optional<Path> library, String description) {
        static Outcome skipped(String why) {
            return new Outcome(Optional.empty(), why);
        }
    }

    private BundledOpenBlas() {
    }

    /** Loads the bundled OpenBLAS into this process, once; later calls return the first outcome. */
    static synchronized Outcome load() {
        if (outcome == null) {
            outcome = load(System::getProperty, BundledOpenBlas.class.getClassLoader());
        }
        return outcome;
    }

    /** What the first {@link #load()} did, or that it has not run yet. */
    static synchronized String status() {
        return outcome == null ? "not tried yet" : outcome.description();
    }

    /** One attempt, with the system properties and class loader given (for tests). */
    @SuppressWarnings("restricted") // loading a native library is the point; the JVM flags enable native access
    static Outcome load(UnaryOperator<String> properties, ClassLoader loader) {
        String mode = Optional.ofNullable(properties.apply(MODE_PROPERTY)).orElse("bundled").trim().toLowerCase(Locale.ROOT);
        if (mode.equals("system")) {
            return skip("-D" + MODE_PROPERTY + "=system asks for the system's OpenBLAS");
        }
        if (!mode.equals("bundled")) {
            LOG.warn("Ignoring -D{}={}: expected 'bundled' or 'system'; using the bundled OpenBLAS", MODE_PROPERTY, mode);
        }
        for (String smileProperty : new String[] {"smile.lib.blas", "smile.lib.lapack"}) {
            if (properties.apply(smileProperty) != null) {
                return skip("-D" + smileProperty + "=" + properties.apply(smileProperty) + " names the library Smile loads");
            }
        }
        Optional<String> platform = platform(properties.apply("os.name"), properties.apply("os.arch"));
        if (platform.isEmpty()) {
            return skip("fmnist bundles OpenBLAS for Linux x86-64, arm64 and ppc64le only, not "
                    + properties.apply("os.name") + " " + properties.apply("os.arch"));
        }
        Path root = NativeCache.root(properties);
        Optional<Path> folder;
        try {
            folder = new OpenBlasCache(root).install(loader, platform.get());
        } catch (IOException e) {
            return fail("the bundled OpenBLAS could not be extracted to " + root + " (" + e + "); set -D"
                    + CACHE_DIR_PROPERTY + " to a writable folder", e);
        } catch (RuntimeException e) {
            return fail("the bundled OpenBLAS is not usable (" + e.getMessage() + ")", e);
        }
        if (folder.isEmpty()) {
            return skip("the org.bytedeco:openblas jar with classifier " + platform.get() + " is not on the class path");
        }
        Path library = folder.get().resolve(OpenBlasCache.LIBRARY);
        OpenBlasCoreType.applyBeforeLoading(platform.get());
        try {
            SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return fail("the bundled OpenBLAS " + library + " could not be loaded (" + e.getMessage()
                    + "); if that folder is on a file system mounted noexec, point -D" + CACHE_DIR_PROPERTY
                    + " elsewhere", e);
        }
        LOG.info("Smile's BLAS and LAPACK: the bundled OpenBLAS {}", library);
        return new Outcome(Optional.of(library), "the bundled OpenBLAS " + library + " is loaded");
    }

    /** The JavaCPP platform name of an OS and architecture, if fmnist can use a bundled OpenBLAS there. */
    static Optional<String> platform(String osName, String osArch) {
        if (osName == null || osArch == null || !osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> Optional.of("linux-x86_64");
            case "aarch64", "arm64" -> Optional.of("linux-arm64");
            case "ppc64le" -> Optional.of("linux-ppc64le");
            default -> Optional.empty();
        };
    }

    private static Outcome skip(String why) {
        LOG.info("Not loading the bundled OpenBLAS: {}; Smile looks for libopenblas.so itself", why);
        return Outcome.skipped(why);
    }

    private static Outcome fail(String why, Throwable cause) {
        LOG.warn("Not using the bundled OpenBLAS: {}", why, cause);
        return Outcome.skipped(why);
    }
}
