package io.github.fmnist.api;

import java.util.Optional;

/**
 * A file or stream does not hold what its format promises: bad magic number, truncated content,
 * counts that disagree, a value out of range, a checksum mismatch. The message names the source, the
 * byte offset where known, and what was expected versus found.
 */
public class CorruptDataException extends FmnistException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long offset;

    /**
     * @param source the file or stream name
     * @param offset byte offset of the problem, or {@code -1} when it does not apply
     * @param problem what is wrong, ideally "expected X, found Y"
     */
    public CorruptDataException(String source, long offset, String problem) {
        this(source, offset, problem, null);
    }

    public CorruptDataException(String source, long offset, String problem, Throwable cause) {
        super(source + (offset >= 0 ? " at offset " + offset : "") + ": " + problem, cause);
        this.source = source;
        this.offset = offset;
    }

    /** The file or stream name. */
    public String source() {
        return source;
    }

    /** The byte offset of the problem, if it is known. */
    public Optional<Long> offset() {
        return offset >= 0 ? Optional.of(offset) : Optional.empty();
    }
}
