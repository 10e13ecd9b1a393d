package io.github.fmnist.api.bundle;

/**
 * A payload entry as the manifest declares it.
 *
 * @param name   entry name
 * @param size   length in bytes
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record PayloadEntry(String name, long size, String sha256) {
}
