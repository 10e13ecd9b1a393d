package io.github.fmnist.zoo;

import java.util.Objects;

/**
 * A file of a zoo entry, as its index declares it.
 *
 * @param name   the file name, relative to the entry's resource folder
 * @param size   its size in bytes
 * @param sha256 its SHA-256, lower-case hex
 */
public record ZooFile(String name, long size, String sha256) {
    public ZooFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("zoo file name must be a plain file name: " + name);
        }
        if (size < 0) {
            throw new IllegalArgumentException("zoo file size must not be negative: " + size);
        }
    }
}
