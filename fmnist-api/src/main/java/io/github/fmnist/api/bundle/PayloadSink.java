package io.github.fmnist.api.bundle;

import java.io.IOException;
import java.io.OutputStream;

/** Where a classifier writes its payload entries when saved into a bundle. */
public interface PayloadSink {

    /**
     * Starts a payload entry. Close the returned stream before starting the next entry.
     *
     * @param name entry name: letters, digits, '.', '_' or '-' (e.g. {@code "network.bin"})
     */
    OutputStream entry(String name) throws IOException;

    /** Writes a whole entry at once. */
    default void write(String name, byte[] content) throws IOException {
        try (OutputStream out = entry(name)) {
            out.write(content);
        }
    }
}
