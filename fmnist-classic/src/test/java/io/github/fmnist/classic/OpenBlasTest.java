package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.MissingNativeLibraryException;
import org.junit.jupiter.api.Test;

class OpenBlasTest {

    @Test
    void bindingWhoseLibraryIsMissingGivesTypedErrorWithInstallHint() {
        MissingNativeLibraryException e = assertThrows(MissingNativeLibraryException.class,
                () -> OpenBlas.probe(MissingLibraryBinding.class.getName(), "PCA"));
        assertTrue(e.getMessage().contains("libopenblas-dev"), e.getMessage());
        assertTrue(e.getMessage().startsWith("PCA"), e.getMessage());
        // the JVM reports a failed initialiser differently the second time; both must translate
        MissingNativeLibraryException again = assertThrows(MissingNativeLibraryException.class,
                () -> OpenBlas.probe(MissingLibraryBinding.class.getName(), "PCA"));
        assertTrue(again.getMessage().contains("libopenblas-dev"), again.getMessage());
    }

    @Test
    void initialiserFailureOfSmileBindingIsTranslated() {
        Error failure = new ExceptionInInitializerError(new IllegalArgumentException("Cannot open library: libopenblas.so"));
        MissingNativeLibraryException e = OpenBlas.translate(failure, "MLP training").orElseThrow();
        assertTrue(e.getMessage().contains("libopenblas-dev"), e.getMessage());
        assertSame(failure, e.getCause());
    }

    @Test
    void laterNoClassDefFoundOfSmileBindingIsTranslated() {
        Error failure = new NoClassDefFoundError("Could not initialize class smile.linalg.blas.cblas_h");
        assertTrue(OpenBlas.translate(new RuntimeException("wrapped", failure), "MLP prediction").isPresent());
    }

    @Test
    void unsatisfiedLinkIsTranslated() {
        assertTrue(OpenBlas.translate(new UnsatisfiedLinkError("no openblas in java.library.path"), "PCA").isPresent());
    }

    @Test
    void unrelatedFailuresAreLeftAlone() {
        assertTrue(OpenBlas.translate(new IllegalStateException("bad state"), "PCA").isEmpty());
        assertTrue(OpenBlas.translate(new NoClassDefFoundError("com/example/Missing"), "PCA").isEmpty());
    }

    @Test
    void openBlasIsUsableOnThisMachine() {
        assertDoesNotThrow(() -> OpenBlas.require("test"));
    }
}
