package io.github.fmnist.api.bundle;

import io.github.fmnist.api.CorruptDataException;
import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A saved model: one ZIP file holding a manifest ({@code fmnist-manifest.properties}) and payload entries
 * ({@code payload/NAME}) whose sizes and SHA-256 checksums the manifest lists.
 *
 * <p>{@link #read(Path)} checks the format version, the entry names (the writer's rule), the entry list and every
 * declared size (against the limits and the ZIP directory) before any entry is inflated, then every size and
 * checksum while streaming, before any payload reaches a provider; the verified bytes are kept in memory, so what
 * a provider parses is exactly what was checked. {@link #readManifest(Path)} does the first part only.
 *
 * <pre>{@code
 * ModelBundle.save(Path.of("cnn.fmnist"), classifier);          // provenance comes from the training
 * Classifier again = registry.loadClassifier(Path.of("cnn.fmnist"));
 * // or, step by step:
 * ModelBundle bundle = ModelBundle.read(Path.of("cnn.fmnist"));
 * bundle.manifest().provenance().datasetSha256();
 * }</pre>
 */
public final class ModelBundle {
    /** The format version this fmnist writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The usual file name extension. */
    public static final String EXTENSION = ".fmnist";

    static final String MANIFEST_ENTRY = "fmnist-manifest.properties";
    static final String PAYLOAD_PREFIX = "payload/";
    static final String ENTRY_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    private static final Pattern ENTRY_NAME = Pattern.compile(ENTRY_NAME_PATTERN);
    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    /**
     * The most payload bytes a bundle may declare, all entries together; checked against the manifest before any
     * entry is inflated, so a small file that claims gigabytes is refused at once. Providers may accept less
     * ({@link ModelProvider#maxPayloadBytes()}); the largest payloads fmnist writes are k-NN reference sets (70,000
     * raw-pixel rows stored as float32 would take 220 MB).
     */
    public static final long MAX_PAYLOAD_BYTES = 512L << 20;
    /**
     * How deep bundles may nest ({@link #readNested}): an ensemble of hybrids is two levels. Each level's verified
     * payload stays in memory while the next is read, so the depth bounds the memory a crafted file can claim.
     */
    public static final int MAX_NESTING = 4;

    private final Path path;
    private final BundleManifest manifest;
    private final Map<String, byte[]> payload;
    private final int depth;

    private ModelBundle(Path path, BundleManifest manifest, Map<String, byte[]> payload, int depth) {
        this.path = path;
        this.manifest = manifest;
        this.payload = payload;
        this.depth = depth;
    }

    /**
     * Saves {@code classifier} with the provenance its training recorded ({@code classifier.info().provenance()}) and
     * no metrics. The file appears complete or not at all (see {@link io.github.fmnist.api.file.AtomicFile}).
     */
    public static void save(Path file, Classifier classifier) throws IOException {
        save(file, classifier, Map.of());
    }

    /**
     * Saves {@code classifier} with its provenance and named {@code metrics}, e.g. {@code test.accuracy}.
     * Saving the same classifier twice gives the same bytes: entries carry the training time, not today's.
     */
    public static void save(Path file, Classifier classifier, Map<String, Double> metrics) throws IOException {
        BundleWriter.save(file, classifier, metrics);
    }

    /**
     * Reads and verifies a bundle, allowing up to {@link #MAX_PAYLOAD_BYTES} of payload.
     *
     * @throws IncompatibleModelException if it is not a bundle, or of a newer format
     * @throws TamperedModelException     if an entry is missing, undeclared, too large, or differs in size or checksum
     */
    public static ModelBundle read(Path file) throws IOException {
        return read(file, MAX_PAYLOAD_BYTES);
    }

    /**
     * Reads and verifies a bundle whose payload entries may hold at most {@code maxPayloadBytes} in all (and never
     * more than {@link #MAX_PAYLOAD_BYTES}), as a provider states with {@link ModelProvider#maxPayloadBytes()}.
     * Every limit is checked against the manifest and the ZIP directory before any entry is inflated; while an
     * entry is inflated, it is hashed as it streams and cut off one byte past its declared size.
     *
     * @throws IncompatibleModelException if it is not a bundle, or of a newer format
     * @throws TamperedModelException     if an entry is missing, undeclared, too large, or differs in size or checksum
     */
    public static ModelBundle read(Path file, long maxPayloadBytes) throws IOException {
        return read(file, file, maxPayloadBytes, 0);
    }

    /**
     * Writes {@code member}'s whole bundle (its provenance, no metrics) as payload entry {@code name} of the bundle
     * {@code sink} belongs to: how a composite classifier (an ensemble, a hybrid) saves the classifiers it is built
     * from. {@link #readNested} reads it back with every check of {@link #read(Path)}.
     *
     * @param name entry name, as for {@link PayloadSink#entry}; {@value #EXTENSION} is a good ending
     */
    public static void writeNested(PayloadSink sink, String name, Classifier member) throws IOException {
        try (OutputStream out = sink.entry(name)) {
            BundleWriter.write(out, member, Map.of());
        }
    }

    /**
     * Reads and verifies the bundle stored as payload entry {@code name} of this one (see {@link #writeNested}) with
     * every check {@link #read(Path)} makes (format version, entry names and list, sizes before inflating, SHA-256,
     * the payload size limit); its {@link #path()} and messages name it {@code outer.fmnist!name}. Load it with
     * {@link io.github.fmnist.api.registry.PluginRegistry#load(ModelBundle)}, which checks the provider version.
     *
     * @throws IncompatibleModelException if there is no such entry, or it is not a bundle or of a newer format
     * @throws TamperedModelException     as for {@link #read(Path)}, or if this bundle is already {@value #MAX_NESTING}
     *                                    levels deep
     */
    public ModelBundle readNested(String name) throws IOException {
        byte[] content = require(name);
        if (depth >= MAX_NESTING) {
            throw new TamperedModelException(path + "!" + name + ": bundles nest " + (depth + 1) + " levels deep; at most "
                    + MAX_NESTING + " are allowed");
        }
        Path shownAs = Path.of(path + "!" + name);
        // ZipFile reads the central directory, the same view of the archive read(Path) checks; it needs a file.
        Path temporary = Files.createTempFile("fmnist-nested-", EXTENSION);
        try {
            Files.write(temporary, content);
            return read(temporary, shownAs, MAX_PAYLOAD_BYTES, depth + 1);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static ModelBundle read(Path file, Path shownAs, long maxPayloadBytes, int depth) throws IOException {
        String source = shownAs.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BundleManifest manifest = manifest(zip, source);
            checkEntries(zip, manifest, Math.min(maxPayloadBytes, MAX_PAYLOAD_BYTES), source);
            return new ModelBundle(shownAs, manifest, verifiedPayload(zip, manifest, source), depth);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (ZipException e) {
            throw notAZip(source, e);
        }
    }

    /**
     * Reads and checks a bundle's manifest only: its format version, its entry names, and its declared sizes against
     * {@link #MAX_PAYLOAD_BYTES} and the ZIP directory. No payload entry is inflated; the registry uses this to find
     * the provider, and that provider's limits, before it reads the payload.
     *
     * @throws IncompatibleModelException if it is not a bundle, or of a newer format
     * @throws TamperedModelException     if the manifest and the ZIP file disagree or a limit is broken
     */
    public static BundleManifest readManifest(Path file) throws IOException {
        String source = file.toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BundleManifest manifest = manifest(zip, source);
            checkEntries(zip, manifest, MAX_PAYLOAD_BYTES, source);
            return manifest;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (ZipException e) {
            throw notAZip(source, e);
        }
    }

    private static IncompatibleModelException notAZip(String source, ZipException e) {
        return new IncompatibleModelException(source + ": not an fmnist model bundle (not a ZIP file: " + e.getMessage() + ")", e);
    }

    private static BundleManifest manifest(ZipFile zip, String source) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST_ENTRY);
        if (manifestEntry == null) {
            throw new IncompatibleModelException(source + ": not an fmnist model bundle (no " + MANIFEST_ENTRY + ")");
        }
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        readBounded(zip, manifestEntry, MAX_MANIFEST_BYTES, manifestBytes, sha256(), source);
        Properties props = ManifestCodec.parse(manifestBytes.toString(StandardCharsets.UTF_8), source);
        int version = ManifestCodec.formatVersion(props, source);
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IncompatibleModelException(source + ": bundle format version " + version
                    + " is not supported; this fmnist reads versions 1 to " + FORMAT_VERSION);
        }
        return ManifestCodec.read(props, source);
    }

    /** Every check that needs no inflating: names, the entry list, declared sizes against the limit and the ZIP directory. */
    private static void checkEntries(ZipFile zip, BundleManifest manifest, long limit, String source) {
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!name.equals(MANIFEST_ENTRY) && (!name.startsWith(PAYLOAD_PREFIX)
                    || manifest.entry(name.substring(PAYLOAD_PREFIX.length())).isEmpty())) {
                throw new TamperedModelException(source + ": entry '" + name + "' is not declared in the manifest");
            }
        }
        long declaredTotal = 0;
        for (PayloadEntry declared : manifest.payload()) {
            if (!isValidEntryName(declared.name())) {
                throw new TamperedModelException(source + ": payload entry name '" + declared.name()
                        + "' is not allowed; names must match " + ENTRY_NAME_PATTERN);
            }
            if (declared.size() < 0 || declared.size() > limit - declaredTotal) {
                throw new TamperedModelException(source + ": payload entry '" + declared.name() + "' declares " + declared.size()
                        + " bytes; the bundle may hold at most " + limit + " payload bytes in all ("
                        + declaredTotal + " declared before it)");
            }
            declaredTotal += declared.size();
            ZipEntry entry = zip.getEntry(PAYLOAD_PREFIX + declared.name());
            if (entry == null) {
                throw new TamperedModelException(source + ": payload entry '" + declared.name() + "' is declared but missing");
            }
            if (entry.getSize() >= 0 && entry.getSize() != declared.size()) {
                throw new TamperedModelException(source + ": payload entry '" + declared.name() + "' size: the manifest declares "
                        + declared.size() + " bytes, the ZIP directory " + entry.getSize());
            }
        }
    }

    private static Map<String, byte[]> verifiedPayload(ZipFile zip, BundleManifest manifest, String source) throws IOException {
        Map<String, byte[]> verified = new HashMap<>();
        for (PayloadEntry declared : manifest.payload()) {
            ZipEntry entry = zip.getEntry(PAYLOAD_PREFIX + declared.name());
            MessageDigest digest = sha256();
            // Sized from the manifest, which checkEntries bounded; a lying size is cut off one byte past it.
            ByteArrayOutputStream content = new ByteArrayOutputStream((int) Math.min(declared.size(), 1 << 20));
            long read = readBounded(zip, entry, declared.size(), content, digest, source);
            if (read != declared.size()) {
                throw new TamperedModelException(source + ": payload entry '" + declared.name() + "' size: expected "
                        + declared.size() + " bytes, found " + read);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equalsIgnoreCase(declared.sha256())) {
                throw new TamperedModelException(source + ": payload entry '" + declared.name() + "' SHA-256: expected "
                        + declared.sha256() + ", found " + actual);
            }
            verified.put(declared.name(), content.toByteArray());
        }
        return verified;
    }

    /**
     * Inflates at most {@code limit} bytes into {@code out}, hashing them as they stream; one byte more means the entry
     * is larger than declared.
     *
     * @return the number of bytes read
     */
    private static long readBounded(ZipFile zip, ZipEntry entry, long limit, ByteArrayOutputStream out, MessageDigest digest,
                                    String source) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total + 1))) > 0) {
                total += n;
                if (total > limit) {
                    throw new TamperedModelException(source + ": entry '" + entry.getName() + "' is larger than the "
                            + limit + " bytes declared or allowed");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            return total;
        } catch (IOException e) {
            // A truncated deflate stream or a local header past the end of the file: EOFException, not ZipException.
            throw new CorruptDataException(source, -1, "entry '" + entry.getName() + "' cannot be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** The file this bundle was read from. */
    public Path path() {
        return path;
    }

    /** The verified manifest. */
    public BundleManifest manifest() {
        return manifest;
    }

    /** Names of the payload entries. */
    public Set<String> payloadNames() {
        return Set.copyOf(payload.keySet());
    }

    /**
     * The verified content of payload entry {@code name}.
     *
     * @throws IncompatibleModelException if there is no such entry
     */
    public InputStream open(String name) {
        return new ByteArrayInputStream(require(name));
    }

    /** The verified content of payload entry {@code name}, as a copy. */
    public byte[] readAllBytes(String name) {
        return require(name).clone();
    }

    /**
     * Checks that this bundle was written by provider {@code providerId}.
     *
     * @throws IncompatibleModelException naming both ids otherwise
     */
    public void requireProvider(String providerId) {
        if (!manifest.providerId().equals(providerId)) {
            throw new IncompatibleModelException(path + ": bundle was written by provider '" + manifest.providerId()
                    + "', not '" + providerId + "'");
        }
    }

    /** The verified content itself, not a copy, for {@link PayloadReader}. */
    byte[] content(String name) {
        return require(name);
    }

    private byte[] require(String name) {
        byte[] content = payload.get(name);
        if (content == null) {
            throw new IncompatibleModelException(path + ": bundle of provider '" + manifest.providerId()
                    + "' has no payload entry '" + name + "'; it has " + payload.keySet());
        }
        return content;
    }

    static boolean isValidEntryName(String name) {
        return ENTRY_NAME.matcher(name).matches();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
