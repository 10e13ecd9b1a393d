package io.github.fmnist.classic;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/** Stands in for a Smile native binding whose library is absent: its static initialiser fails the same way. */
final class MissingLibraryBinding {
    static final SymbolLookup LOOKUP =
            SymbolLookup.libraryLookup(System.mapLibraryName("fmnist-no-such-blas"), Arena.global());

    private MissingLibraryBinding() {
    }
}
