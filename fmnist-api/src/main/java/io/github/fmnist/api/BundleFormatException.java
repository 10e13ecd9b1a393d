package io.github.fmnist.api;

import java.util.Optional;

/**
 * A bundle's payload entry passed its checksum but does not follow the binary format its provider reads: a wrong
 * magic number or format version, a count above the format's maximum or above the bytes left, a value out of
 * range, bytes missing or left over. The message names the bundle, the entry, the byte offset and what was
 * expected versus found. Nothing from such an entry has been turned into a model when this is thrown.
 */
public class BundleFormatException extends TamperedModelException {
    private static final long serialVersionUID = 1L;

    private final String entry;
    private final long offset;

    /**
     * @param source  the bundle file
     * @param entry   the payload entry, e.g. {@code model.bin}
     * @param offset  byte offset within the entry, or {@code -1} when it does not apply
     * @param problem what is wrong, ideally "expected X, found Y"
     */
    public BundleFormatException(String source, String entry, long offset, String problem) {
        super(source + " payload '" + entry + "'" + (offset >= 0 ? " at offset " + offset : "") + ": " + problem);
        this.entry = entry;
        this.offset = offset;
    }

    /** The payload entry that is malformed. */
    public String entry() {
        return entry;
    }

    /** The byte offset within the entry, if known. */
    public Optional<Long> offset() {
        return offset >= 0 ? Optional.of(offset) : Optional.empty();
    }
}
