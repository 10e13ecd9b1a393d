package io.github.fmnist.api.file;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A few files in one resource folder of the class path (typically native libraries inside a jar), with a
 * fingerprint that changes whenever any of their contents does; {@link NativeCache} names its folders by it.
 *
 * <p>The fingerprint must be cheap, because every JVM computes it before it can reuse an extracted folder: for
 * files inside a jar it is taken from the jar's central directory (each entry's size and CRC-32, no
 * decompression); only files outside a jar (an exploded class path) are read and hashed.
 */
public final class ClassPathFiles {
    private final String folder;
    private final Map<String, URL> files;
    private final Map<String, Long> sizes = new LinkedHashMap<>();
    private final String fingerprint;

    private ClassPathFiles(String folder, Map<String, URL> files, String layout) throws IOException {
        this.folder = folder;
        this.files = files;
        this.fingerprint = computeFingerprint(layout);
    }

    /**
     * {@code primary} and {@code companions} from {@code loader}'s resource folder {@code folder}.
     *
     * @param folder a resource folder ending in {@code /}, e.g. {@code org/bytedeco/openblas/linux-x86_64/}
     * @param layout a version of what the caller does with the files, mixed into the fingerprint so that a
     *               change of layout does not reuse a folder extracted the old way
     * @return empty if {@code primary} is absent (its jar is not on the class path)
     * @throws IOException if {@code primary} is there but a companion is not, or a file cannot be read
     */
    public static Optional<ClassPathFiles> find(ClassLoader loader, String folder, String primary,
                                                List<String> companions, String layout) throws IOException {
        URL primaryUrl = loader.getResource(folder + primary);
        if (primaryUrl == null) {
            return Optional.empty();
        }
        Map<String, URL> files = new LinkedHashMap<>();
        files.put(primary, primaryUrl);
        for (String companion : companions) {
            URL url = loader.getResource(folder + companion);
            if (url == null) {
                throw new IOException("the class path holds " + folder + primary + " but not " + folder + companion
                        + ", which it needs; is the jar that holds " + folder + " complete?");
            }
            files.put(companion, url);
        }
        return Optional.of(new ClassPathFiles(folder, files, layout));
    }

    /**
     * Every file directly in the resource folder that holds {@code primary} (not in its subfolders), from the
     * same jar or directory as {@code primary}.
     *
     * @return empty if {@code primary} is absent
     */
    public static Optional<ClassPathFiles> findAll(ClassLoader loader, String folder, String primary, String layout)
            throws IOException {
        URL primaryUrl = loader.getResource(folder + primary);
        if (primaryUrl == null) {
            return Optional.empty();
        }
        List<String> others = new ArrayList<>(siblings(primaryUrl, folder));
        others.remove(primary);
        Collections.sort(others);
        return find(loader, folder, primary, others, layout);
    }

    private static List<String> siblings(URL primary, String folder) throws IOException {
        URLConnection connection = primary.openConnection();
        if (connection instanceof JarURLConnection jar) {
            // The JDK caches and shares this JarFile (useCaches), so it is not closed here.
            JarFile file = jar.getJarFile();
            return file.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(folder) && n.length() > folder.length() && n.indexOf('/', folder.length()) < 0)
                    .map(n -> n.substring(folder.length())).toList();
        }
        if (primary.getProtocol().equals("file")) {
            try (Stream<Path> entries = Files.list(Path.of(primary.toURI()).getParent())) {
                return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            } catch (URISyntaxException e) {
                throw new IOException("cannot list the folder of " + primary, e);
            }
        }
        return List.of(); // another kind of class path: only the primary file is known
    }

    /** The resource folder, for messages. */
    public String folder() {
        return folder;
    }

    /** File names and sizes in bytes, the primary file first. */
    public Map<String, Long> sizes() {
        return Collections.unmodifiableMap(sizes);
    }

    /** 16 hex digits that change whenever any file's content does. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Opens one of the files by name. */
    public InputStream open(String name) throws IOException {
        URL url = files.get(name);
        if (url == null) {
            throw new IOException(folder + name + " is not one of " + files.keySet());
        }
        return url.openStream();
    }

    /** The bytes of one of the files. */
    public byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private String computeFingerprint(String layout) throws IOException {
        MessageDigest sha = sha256();
        sha.update(layout.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, URL> file : files.entrySet()) {
            sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            Optional<JarEntry> entry = jarEntry(file.getValue());
            if (entry.isPresent() && entry.get().getSize() >= 0 && entry.get().getCrc() >= 0) {
                sizes.put(file.getKey(), entry.get().getSize());
                sha.update(longBytes(entry.get().getSize()));
                sha.update(longBytes(entry.get().getCrc()));
            } else {
                byte[] bytes = read(file.getKey());
                sizes.put(file.getKey(), (long) bytes.length);
                sha.update(longBytes(bytes.length));
                sha.update(sha256().digest(bytes));
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static Optional<JarEntry> jarEntry(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            return Optional.ofNullable(jar.getJarEntry());
        }
        return Optional.empty();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(0, value).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
