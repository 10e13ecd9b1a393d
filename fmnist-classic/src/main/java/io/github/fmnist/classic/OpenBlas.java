package io.github.fmnist.classic;

import io.github.fmnist.api.MissingNativeLibraryException;
import java.util.Locale;
import java.util.Optional;

/**
 * Smile's MLP and PCA call BLAS and LAPACK through the JDK's foreign-function API. The bindings look the
 * library up in their static initialisers, so a missing library surfaces as an
 * {@link ExceptionInInitializerError} the first time, and as {@link NoClassDefFoundError} ever after.
 * This class first loads the bundled OpenBLAS ({@link BundledOpenBlas}), then probes the bindings and
 * turns those errors into a {@link MissingNativeLibraryException} that says what went wrong and what to do.
 */
final class OpenBlas {
    static final String BLAS_BINDING = "smile.linalg.blas.cblas_h";
    static final String LAPACK_BINDING = "smile.linalg.lapack.clapack_h";

    static final String HOW_TO_INSTALL = "fmnist-classic normally brings its own OpenBLAS (the "
            + "org.bytedeco:openblas jar for your platform, a dependency of fmnist-classic): keep that jar on the "
            + "class path. Otherwise Smile needs a system OpenBLAS shared library (libopenblas.so on Linux): "
            + "Debian/Ubuntu 'apt-get install libopenblas-dev' (the runtime package alone lacks libopenblas.so), "
            + "Fedora 'dnf install openblas-devel', macOS 'brew install openblas', Windows: put libopenblas.dll on "
            + "PATH. Smile's system properties smile.lib.blas and smile.lib.lapack name another library.";

    private OpenBlas() {
    }

    /**
     * Makes sure BLAS and LAPACK can be loaded, loading the bundled OpenBLAS first if it is there.
     *
     * @param purpose what needs them, for the message ("MLP training")
     * @throws MissingNativeLibraryException if they cannot
     */
    static void require(String purpose) {
        BundledOpenBlas.load();
        probe(BLAS_BINDING, purpose);
        probe(LAPACK_BINDING, purpose);
    }

    static void probe(String bindingClass, String purpose) {
        try {
            Class.forName(bindingClass, true, OpenBlas.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MissingNativeLibraryException(purpose + ": Smile's native binding " + bindingClass
                    + " is not on the class path; " + HOW_TO_INSTALL, e);
        } catch (LinkageError e) {
            throw translate(e, purpose).orElseThrow(() -> e);
        }
    }

    /**
     * The typed error for a failure caused by a missing native library, if {@code failure} is one: an
     * {@link UnsatisfiedLinkError}, or an initialisation error of a Smile native binding (whose cause is
     * the {@link IllegalArgumentException} the foreign-function lookup throws), anywhere in the cause chain.
     */
    static Optional<MissingNativeLibraryException> translate(Throwable failure, String purpose) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingNativeLibraryException typed) {
                return Optional.of(typed);
            }
            if (t instanceof UnsatisfiedLinkError || isNativeBindingFailure(t)) {
                return Optional.of(new MissingNativeLibraryException(purpose + " cannot load OpenBLAS (" + describe(t)
                        + "; bundled OpenBLAS: " + BundledOpenBlas.status() + "). " + HOW_TO_INSTALL, failure));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isNativeBindingFailure(Throwable t) {
        if (!(t instanceof ExceptionInInitializerError || t instanceof NoClassDefFoundError)) {
            return false;
        }
        String message = String.valueOf(t.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (message.contains("smile/linalg") || message.contains("smile.linalg")
                || lower.contains("cannot open library") || lower.contains("openblas")) {
            return true;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("smile.linalg.")) {
                return true;
            }
        }
        Throwable cause = t.getCause();
        return cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("librar");
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
