package io.github.fmnist.zoo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** The declaration of {@code content} as file {@code name}: its size and SHA-256. */
    public static ZooFile of(String name, byte[] content) {
        return new ZooFile(name, content.length, sha256Of(content));
    }

    /** SHA-256 of {@code content}, lower-case hex. */
    static String sha256Of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
