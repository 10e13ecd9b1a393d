package io.github.fmnist.classic;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * The OpenBLAS natives of one platform on the class path (from the {@code org.bytedeco:openblas:<platform>}
 * jar): the library and its companions, with a fingerprint that names their cache folder.
 *
 * <p>The fingerprint must be cheap, because every JVM computes it before it can reuse an extracted folder:
 * for files inside a jar it is taken from the jar's central directory (each entry's size and CRC-32, no
 * decompression); only files outside a jar (an exploded class path) are read and hashed.
 */
final class BundledNatives {
    /** Bumped when the extracted layout or the SONAME rewrite changes, so an old folder is not reused. */
    private static final String LAYOUT = "1";

    private final String folder;
    private final Map<String, URL> files;
    private final Map<String, Long> sizes = new LinkedHashMap<>();
    private final String fingerprint;

    private BundledNatives(String folder, Map<String, URL> files) throws IOException {
        this.folder = folder;
        this.files = files;
        this.fingerprint = computeFingerprint();
    }

    /**
     * What {@code loader} holds under {@code folder} for {@code library} and {@code companions}, by file name.
     *
     * @return empty if the library is absent (the jar is not on the class path)
     * @throws IOException if the library is there but a companion is not, or a file cannot be read
     */
    static Optional<BundledNatives> find(ClassLoader loader, String folder, String library, List<String> companions)
            throws IOException {
        URL libraryUrl = loader.getResource(folder + library);
        if (libraryUrl == null) {
            return Optional.empty();
        }
        Map<String, URL> files = new LinkedHashMap<>();
        files.put(library, libraryUrl);
        for (String companion : companions) {
            URL url = loader.getResource(folder + companion);
            if (url == null) {
                throw new IOException("the class path holds " + folder + library + " but not " + folder + companion
                        + ", which it needs; is the org.bytedeco:openblas jar complete?");
            }
            files.put(companion, url);
        }
        return Optional.of(new BundledNatives(folder, files));
    }

    /** The resource folder, for messages. */
    String folder() {
        return folder;
    }

    /** File names and sizes in bytes, library first. */
    Map<String, Long> sizes() {
        return sizes;
    }

    /** 16 hex digits that change whenever any file's content does. */
    String fingerprint() {
        return fingerprint;
    }

    /** The bytes of one of the files. */
    byte[] read(String name) throws IOException {
        try (InputStream in = files.get(name).openStream()) {
            return in.readAllBytes();
        }
    }

    private String computeFingerprint() throws IOException {
        MessageDigest sha = sha256();
        sha.update(LAYOUT.getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, URL> file : files.entrySet()) {
            sha.update(file.getKey().getBytes(StandardCharsets.US_ASCII));
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
