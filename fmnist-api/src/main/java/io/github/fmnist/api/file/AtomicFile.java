package io.github.fmnist.api.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes files so that readers see the old content or the new, never a half-written file: the bytes go to a
 * temporary file in the target's folder, which is then moved over the target. Where the file system cannot move
 * atomically the move falls back to a plain replacing move. The new file gets the permissions of the file it
 * replaces, or those of any newly created file (the process umask), not a temporary file's owner-only ones.
 * If writing fails, the temporary file is deleted and the target is untouched.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("report.html"), out -> out.write(html));
 * AtomicFile.writeString(Path.of("summary.md"), markdown);
 * }</pre>
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Copies what remains of {@code in} to {@code target}. */
    public static void copy(InputStream in, Path target) throws IOException {
        write(target, in::transferTo);
    }

    /** Writes whatever {@code content} puts into the stream; the stream is closed before the move. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = temporarySibling(absolute);
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            keepPermissions(absolute, temp);
            move(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Moves a finished temporary file over {@code target}, atomically where the file system can. For writers
     * that must produce the temporary file themselves (for example through a library that takes a path).
     */
    public static void move(Path finished, Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A fresh path for a temporary file beside {@code target} (not created), for {@link #move}. Delete it if the
     * work fails.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        return absolute.getParent().resolve("." + absolute.getFileName() + "." + randomSuffix() + ".tmp");
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (existing == null || !Files.exists(target)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = existing.readAttributes().permissions();
            Files.setPosixFilePermissions(temp, permissions);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // A target we cannot inspect keeps the new file's default permissions.
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Produces a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
