package io.github.fmnist.classic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the OpenBLAS natives of the {@code org.bytedeco:openblas:<platform>} jar into a per-user cache
 * folder, once: {@code <root>/openblas-<platform>-<digest>/} holding {@value #LIBRARY} (the bundled
 * {@code libopenblas.so.0} with its SONAME changed to {@value #LIBRARY}, the name Smile asks for) and the
 * {@link #COMPANIONS} it needs, which its run path {@code $ORIGIN} finds beside it.
 *
 * <p>The folder name is a digest of the files, so an existing folder already holds the right content.
 * The files are written into a private temporary folder beside it and renamed into place in one atomic
 * step: no process ever sees a half-written folder, and of several JVMs extracting at once one wins and the
 * others use its folder. Temporary folders that a killed JVM left behind are removed after an hour.
 */
final class OpenBlasCache {
    /** The file name Smile's bindings open ({@code System.mapLibraryName("openblas")}). */
    static final String LIBRARY = "libopenblas.so";
    /** The library as the jar holds it. */
    static final String BUNDLED_LIBRARY = "libopenblas.so.0";
    /** What the bundled library needs beyond the C library, shipped in the same jar. */
    static final List<String> COMPANIONS = List.of("libgfortran.so.5", "libquadmath.so.0");

    /** Bumped when the folder's layout or the rewrite changes, so an old folder is not reused. */
    private static final String LAYOUT = "1";
    private static final String STAGING_PREFIX = ".openblas-";
    private static final Duration STALE_STAGING = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasCache.class);

    private final Path root;

    /** @param root the cache folder, created if needed (for example {@code ~/.cache/fmnist/native}) */
    OpenBlasCache(Path root) {
        this.root = root;
    }

    /** Where the natives of {@code platform} (a JavaCPP platform name such as {@code linux-x86_64}) sit in the jar. */
    static String resourceFolder(String platform) {
        return "org/bytedeco/openblas/" + platform + "/";
    }

    /**
     * The cache folder holding {@value #LIBRARY} and its companions for {@code platform}, extracted from
     * {@code loader}'s class path if it is not there yet.
     *
     * @return the folder, or empty if the class path holds no OpenBLAS natives for {@code platform}
     * @throws IOException if the files cannot be read or the folder cannot be written
     */
    Optional<Path> install(ClassLoader loader, String platform) throws IOException {
        Optional<Map<String, byte[]>> bundled = read(loader, platform);
        if (bundled.isEmpty()) {
            return Optional.empty();
        }
        Map<String, byte[]> files = bundled.get();
        Path target = root.resolve("openblas-" + platform + "-" + digest(files));
        if (isComplete(target, files)) {
            LOG.debug("Using the OpenBLAS natives already extracted to {}", target);
            return Optional.of(target);
        }
        extract(files, target);
        return Optional.of(target);
    }

    /** The files to extract, by name, each as it should be written; empty if the jar is absent. */
    private static Optional<Map<String, byte[]>> read(ClassLoader loader, String platform) throws IOException {
        String folder = resourceFolder(platform);
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] library = resource(loader, folder + BUNDLED_LIBRARY);
        if (library == null) {
            return Optional.empty();
        }
        files.put(LIBRARY, ElfSoname.rename(folder + BUNDLED_LIBRARY, library, LIBRARY));
        for (String companion : COMPANIONS) {
            byte[] bytes = resource(loader, folder + companion);
            if (bytes == null) {
                throw new IOException("the class path holds " + folder + BUNDLED_LIBRARY + " but not " + folder
                        + companion + ", which it needs; is the org.bytedeco:openblas jar complete?");
            }
            files.put(companion, bytes);
        }
        return Optional.of(files);
    }

    private static byte[] resource(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LAYOUT.getBytes(StandardCharsets.US_ASCII));
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.US_ASCII));
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(0, bytes.length));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean isComplete(Path folder, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            if (!Files.isRegularFile(path) || Files.size(path) != file.getValue().length) {
                return false;
            }
        }
        return true;
    }

    private void extract(Map<String, byte[]> files, Path target) throws IOException {
        Files.createDirectories(root);
        removeStaleStaging();
        if (Files.exists(target)) {
            if (isComplete(target, files)) {
                return; // another process has just renamed its copy into place
            }
            moveAside(target);
        }
        Path staging = Files.createTempDirectory(root, STAGING_PREFIX);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                write(staging.resolve(file.getKey()), file.getValue());
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Extracted the bundled OpenBLAS ({} with {}) to {}", LIBRARY, String.join(", ", COMPANIONS), target);
            } catch (FileSystemException e) {
                // rename(2) onto a non-empty folder fails (ENOTEMPTY, reported by the JDK as a plain
                // FileSystemException): another process got there first, and its folder is as good as ours.
                if (!isComplete(target, files)) {
                    throw e;
                }
                LOG.debug("Another process extracted OpenBLAS to {} first; using its copy", target);
            }
        } finally {
            deleteTree(staging);
        }
    }

    /** A folder is only ever incomplete if someone deleted files from it by hand. */
    private void moveAside(Path damaged) throws IOException {
        Path aside = Files.createTempDirectory(root, STAGING_PREFIX);
        try {
            Files.move(damaged, aside.resolve("damaged"), StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("The extracted OpenBLAS in {} was incomplete; extracting it again", damaged);
        } catch (NoSuchFileException e) {
            LOG.debug("Another process moved the incomplete {} aside first", damaged);
        } finally {
            deleteTree(aside);
        }
    }

    private static void write(Path path, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
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
