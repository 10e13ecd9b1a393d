package io.github.fmnist.api.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-user folder of native libraries extracted from jars, once: {@code <root>/<name>-<fingerprint>/}, where
 * the fingerprint is that of the {@link ClassPathFiles} extracted, so an existing folder already holds the
 * right content and every later JVM uses it as it is.
 *
 * <p>The files are written into a private temporary folder beside the target and renamed into place in one
 * atomic step: no process ever sees a half-written folder, and of several JVMs extracting at once one wins and
 * the others use its folder. Temporary folders that a killed JVM left behind are removed after an hour.
 *
 * <pre>{@code
 * Path root = NativeCache.root(System::getProperty);            // ~/.cache/fmnist/native
 * ClassPathFiles natives = ClassPathFiles.findAll(loader, "ai/onnxruntime/native/linux-x64/",
 *         "libonnxruntime.so", "1").orElseThrow();
 * Path folder = new NativeCache(root).install("onnxruntime-1.29.0-linux-x64", natives, List.of());
 * }</pre>
 */
public final class NativeCache {
    /** Overrides the cache root, by default {@code ~/.cache/fmnist/native}. */
    public static final String CACHE_DIR_PROPERTY = "fmnist.native.cache.dir";

    private static final String STAGING_PREFIX = ".extracting-";
    private static final Duration STALE_STAGING = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(NativeCache.class);

    private final Path root;

    /** @param root the cache folder, created when something is first extracted */
    public NativeCache(Path root) {
        this.root = root;
    }

    /** The cache root: {@value #CACHE_DIR_PROPERTY} if set, otherwise {@code <user.home>/.cache/fmnist/native}. */
    public static Path root(UnaryOperator<String> properties) {
        return Optional.ofNullable(properties.apply(CACHE_DIR_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(properties.apply("user.home"), ".cache", "fmnist", "native"));
    }

    /** Changes one bundled file as it is extracted. */
    @FunctionalInterface
    public interface Patch {
        /**
         * The bytes to write for a bundled file; they must be as long as {@code bytes}, because a folder is
         * checked for completeness by its files' sizes.
         *
         * @param source the file's resource path, for messages
         */
        byte[] apply(String source, byte[] bytes) throws IOException;
    }

    /**
     * How one bundled file is extracted: under another name, with its bytes patched.
     *
     * @param bundledName the file's name in the resource folder
     * @param extractedName its name in the cache folder
     * @param patch what is done to its bytes
     */
    public record Rewrite(String bundledName, String extractedName, Patch patch) {
    }

    /**
     * The cache folder {@code <name>-<fingerprint>} holding {@code files}, extracted if it is not there yet
     * (or was damaged by hand).
     *
     * @param name what the files are, e.g. {@code openblas-linux-x86_64}; a plain file name
     * @param rewrites files extracted under another name or with other bytes; the rest are copied as they are
     * @throws IOException if a file cannot be read or the folder cannot be written
     */
    public Path install(String name, ClassPathFiles files, List<Rewrite> rewrites) throws IOException {
        Path target = root.resolve(name + "-" + files.fingerprint());
        if (isComplete(target, files, rewrites)) {
            LOG.debug("Using the natives already extracted to {}", target);
        } else {
            extract(files, rewrites, target);
        }
        return target;
    }

    /** Every file is there with its size (patches keep sizes). */
    private static boolean isComplete(Path folder, ClassPathFiles files, List<Rewrite> rewrites) throws IOException {
        for (Map.Entry<String, Long> file : files.sizes().entrySet()) {
            Path path = folder.resolve(extractedName(file.getKey(), rewrites));
            if (!Files.isRegularFile(path) || Files.size(path) != file.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Rewrite> rewriteOf(String bundledName, List<Rewrite> rewrites) {
        return rewrites.stream().filter(r -> r.bundledName().equals(bundledName)).findFirst();
    }

    private static String extractedName(String bundledName, List<Rewrite> rewrites) {
        return rewriteOf(bundledName, rewrites).map(Rewrite::extractedName).orElse(bundledName);
    }

    private void extract(ClassPathFiles files, List<Rewrite> rewrites, Path target) throws IOException {
        Files.createDirectories(root);
        removeStaleStaging();
        if (Files.exists(target)) {
            if (isComplete(target, files, rewrites)) {
                return; // another process has just renamed its copy into place
            }
            moveAside(target);
        }
        Path staging = Files.createTempDirectory(root, STAGING_PREFIX);
        try {
            for (String name : files.sizes().keySet()) {
                Path out = staging.resolve(extractedName(name, rewrites));
                Optional<Rewrite> rewrite = rewriteOf(name, rewrites);
                if (rewrite.isPresent()) {
                    writePatched(files, name, rewrite.get().patch(), out);
                } else {
                    copy(files, name, out);
                }
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Extracted the natives of {} ({}) to {}", files.folder(), String.join(", ", files.sizes().keySet()), target);
            } catch (FileSystemException e) {
                // rename(2) onto a non-empty folder fails (ENOTEMPTY, reported by the JDK as a plain
                // FileSystemException): another process got there first, and its folder is as good as ours.
                if (!isComplete(target, files, rewrites)) {
                    throw e;
                }
                LOG.debug("Another process extracted {} first; using its copy", target);
            }
        } finally {
            deleteTree(staging);
        }
    }

    private static void writePatched(ClassPathFiles files, String name, Patch patch, Path out) throws IOException {
        byte[] bytes = files.read(name);
        byte[] patched = patch.apply(files.folder() + name, bytes);
        if (patched.length != bytes.length) {
            throw new IOException("patching " + files.folder() + name + " changed its size from " + bytes.length
                    + " to " + patched.length + " bytes; a patch must keep it");
        }
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(patched);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void copy(ClassPathFiles files, String name, Path out) throws IOException {
        try (InputStream in = files.open(name);
             FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream stream = Channels.newOutputStream(channel);
            in.transferTo(stream);
            stream.flush();
            channel.force(true);
        }
    }

    /** A folder is only ever incomplete if someone deleted files from it by hand. */
    private void moveAside(Path damaged) throws IOException {
        Path aside = Files.createTempDirectory(root, STAGING_PREFIX);
        try {
            Files.move(damaged, aside.resolve("damaged"), StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("The extracted natives in {} were incomplete; extracting them again", damaged);
        } catch (NoSuchFileException e) {
            LOG.debug("Another process moved the incomplete {} aside first", damaged);
        } finally {
            deleteTree(aside);
        }
    }

    private void removeStaleStaging() {
        Instant cutoff = Instant.now().minus(STALE_STAGING);
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                    deleteTree(entry);
                    LOG.debug("Removed {}, left behind by an interrupted extraction", entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not tidy {}: {}", root, e.toString());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
