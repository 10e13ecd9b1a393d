package io.github.fmnist.classic;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the OpenBLAS natives of the {@code org.bytedeco:openblas:<platform>} jar into a per-user cache
 * folder, once: {@code <root>/openblas-<platform>-<digest>/} holding {@value #LIBRARY} (the bundled
 * {@code libopenblas.so.0} with its SONAME changed to {@value #LIBRARY}, the name Smile asks for) and the
 * {@link #COMPANIONS} it needs, which its run path {@code $ORIGIN} finds beside it.
 *
 * <p>The folder name is the files' fingerprint ({@link BundledNatives}), so an existing folder already holds
 * the right content. The files are written into a private temporary folder beside it and renamed into place
 * in one atomic step: no process ever sees a half-written folder, and of several JVMs extracting at once one wins and the
 * others use its folder. Temporary folders that a killed JVM left behind are removed after an hour.
 */
final class OpenBlasCache {
    /** The file name Smile's bindings open ({@code System.mapLibraryName("openblas")}). */
    static final String LIBRARY = "libopenblas.so";
    /** The library as the jar holds it. */
    static final String BUNDLED_LIBRARY = "libopenblas.so.0";
    /** What the bundled library needs beyond the C library, shipped in the same jar. */
    static final List<String> COMPANIONS = List.of("libgfortran.so.5", "libquadmath.so.0");

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
        Optional<BundledNatives> found = BundledNatives.find(loader, resourceFolder(platform), BUNDLED_LIBRARY, COMPANIONS);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BundledNatives natives = found.get();
        Path target = root.resolve("openblas-" + platform + "-" + natives.fingerprint());
        if (isComplete(target, natives)) {
            LOG.debug("Using the OpenBLAS natives already extracted to {}", target);
        } else {
            extract(natives, target);
        }
        return Optional.of(target);
    }

    /** Every file is there with its size; the library keeps its size, as the SONAME is rewritten in place. */
    private static boolean isComplete(Path folder, BundledNatives natives) throws IOException {
        for (Map.Entry<String, Long> file : natives.sizes().entrySet()) {
            Path path = folder.resolve(extractedName(file.getKey()));
            if (!Files.isRegularFile(path) || Files.size(path) != file.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String extractedName(String bundledName) {
        return bundledName.equals(BUNDLED_LIBRARY) ? LIBRARY : bundledName;
    }

    private void extract(BundledNatives natives, Path target) throws IOException {
        Files.createDirectories(root);
        removeStaleStaging();
        if (Files.exists(target)) {
            if (isComplete(target, natives)) {
                return; // another process has just renamed its copy into place
            }
            moveAside(target);
        }
        Path staging = Files.createTempDirectory(root, STAGING_PREFIX);
        try {
            for (String name : natives.sizes().keySet()) {
                byte[] bytes = natives.read(name);
                if (name.equals(BUNDLED_LIBRARY)) {
                    bytes = ElfSoname.rename(natives.folder() + name, bytes, LIBRARY);
                }
                write(staging.resolve(extractedName(name)), bytes);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Extracted the bundled OpenBLAS ({} with {}) to {}", LIBRARY, String.join(", ", COMPANIONS), target);
            } catch (FileSystemException e) {
                // rename(2) onto a non-empty folder fails (ENOTEMPTY, reported by the JDK as a plain
                // FileSystemException): another process got there first, and its folder is as good as ours.
                if (!isComplete(target, natives)) {
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
