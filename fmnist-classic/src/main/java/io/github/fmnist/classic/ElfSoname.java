package io.github.fmnist.classic;

import io.github.fmnist.api.CorruptDataException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and rewrites the {@code DT_SONAME} of a 64-bit little-endian ELF shared object (Linux on x86-64,
 * arm64 or ppc64le) held in memory. The dynamic loader answers {@code dlopen("libopenblas.so")} with an
 * already loaded object whose SONAME is that name, which is how the bundled OpenBLAS (SONAME
 * {@code libopenblas.so.0}) can serve Smile's lookup: see {@link BundledOpenBlas}.
 *
 * <p>Only the program headers and the dynamic section are read. The new name is written over the old
 * one inside the dynamic string table, so it may not be longer; the rewrite is refused if another dynamic
 * entry (a needed library, a run path) points into the bytes it changes. For the rename fmnist does
 * ({@code libopenblas.so.0} to {@code libopenblas.so}) symbol and version names cannot point there either:
 * every string that would share the changed {@code ".0"} ends in it, and no C identifier or symbol version
 * does.
 */
final class ElfSoname {
    private static final int ELF_MAGIC = 0x464c457f;
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final long DT_SONAME = 14;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;
    private static final int DYNAMIC_ENTRY_SIZE = 16;

    /** A program header: type, file offset, virtual address and size in the file. */
    private record Segment(int type, long offset, long address, long size) {
    }

    private final String source;
    private final ByteBuffer elf;
    /** File offset of the dynamic string table. */
    private final long strings;
    private final long stringsSize;
    /** Offset of the SONAME in the string table. */
    private final long soname;
    /** Offsets in the string table of the other names the dynamic section refers to. */
    private final List<Long> otherNames = new ArrayList<>();

    private ElfSoname(String source, byte[] bytes) {
        this.source = source;
        this.elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        checkHeader();
        List<Segment> segments = segments();
        Segment dynamic = segments.stream().filter(s -> s.type() == PT_DYNAMIC).findFirst()
                .orElseThrow(() -> corrupt(elf.getLong(0x20), "expected a PT_DYNAMIC program header, found none "
                        + "(not a shared object?)"));
        long strtab = -1;
        long strsz = -1;
        long name = -1;
        for (long at = dynamic.offset(); at + DYNAMIC_ENTRY_SIZE <= dynamic.offset() + dynamic.size(); at += DYNAMIC_ENTRY_SIZE) {
            long tag = elf.getLong(index(at));
            long value = elf.getLong(index(at + 8));
            if (tag == DT_NULL) {
                break;
            } else if (tag == DT_STRTAB) {
                strtab = value;
            } else if (tag == DT_STRSZ) {
                strsz = value;
            } else if (tag == DT_SONAME) {
                name = value;
            } else if (tag == DT_NEEDED || tag == DT_RPATH || tag == DT_RUNPATH) {
                otherNames.add(value);
            }
        }
        if (strtab < 0 || strsz < 0) {
            throw corrupt(dynamic.offset(), "expected DT_STRTAB and DT_STRSZ in the dynamic section, found "
                    + (strtab < 0 ? "no DT_STRTAB" : "no DT_STRSZ"));
        }
        if (name < 0) {
            throw corrupt(dynamic.offset(), "expected a DT_SONAME entry in the dynamic section, found none");
        }
        this.strings = fileOffsetOf(strtab, segments);
        this.stringsSize = strsz;
        this.soname = name;
        if (name >= strsz || strings + strsz > bytes.length) {
            throw corrupt(strings, "expected the SONAME (string " + name + ") inside a " + strsz
                    + "-byte string table within the file, found it outside");
        }
    }

    /**
     * The SONAME of a shared object.
     *
     * @param source names the file in errors
     * @throws CorruptDataException if {@code elf} is not a 64-bit little-endian shared object with a SONAME
     */
    static String read(String source, byte[] elf) {
        return new ElfSoname(source, elf).soname();
    }

    /**
     * A copy of a shared object with another SONAME.
     *
     * @param source names the file in errors
     * @throws CorruptDataException if {@code elf} is not a 64-bit little-endian shared object with a SONAME
     * @throws IllegalArgumentException if {@code newName} is empty or longer than the current SONAME, or the
     *     bytes it would change are shared with another dynamic string
     */
    static byte[] rename(String source, byte[] elf, String newName) {
        byte[] copy = elf.clone();
        new ElfSoname(source, copy).overwriteSoname(newName);
        return copy;
    }

    private String soname() {
        int start = index(strings + soname);
        int end = start;
        long limit = strings + stringsSize;
        while (end < limit && elf.get(end) != 0) {
            end++;
        }
        if (end >= limit) {
            throw corrupt(start, "expected a NUL-terminated SONAME, found none before the end of the string table");
        }
        byte[] name = new byte[end - start];
        elf.get(start, name);
        return new String(name, StandardCharsets.US_ASCII);
    }

    private void overwriteSoname(String newName) {
        String old = soname();
        byte[] replacement = newName.getBytes(StandardCharsets.US_ASCII);
        if (newName.isEmpty() || newName.indexOf('\0') >= 0 || replacement.length > old.length()) {
            throw new IllegalArgumentException(source + ": cannot rename SONAME " + old + " to '" + newName
                    + "' in place (the new name must be non-empty and at most " + old.length() + " characters)");
        }
        for (long other : otherNames) {
            if (other > soname && other <= soname + old.length()) {
                throw new IllegalArgumentException(source + ": the SONAME " + old
                        + " shares its bytes with another dynamic string (offset " + other + "); refusing to rewrite it");
            }
        }
        int start = index(strings + soname);
        elf.put(start, replacement);
        for (int i = replacement.length; i < old.length(); i++) {
            elf.put(start + i, (byte) 0);
        }
    }

    private void checkHeader() {
        if (elf.capacity() < 64 || elf.getInt(0) != ELF_MAGIC) {
            throw corrupt(0, "expected an ELF file (magic 7f 45 4c 46, at least 64 bytes), found "
                    + (elf.capacity() < 4 ? elf.capacity() + " bytes" : String.format("magic %08x in %d bytes",
                    Integer.reverseBytes(elf.getInt(0)), elf.capacity())));
        }
        if (elf.get(4) != 2 || elf.get(5) != 1) {
            throw corrupt(4, "expected a 64-bit little-endian ELF (class 2, data 1), found class " + elf.get(4)
                    + ", data " + elf.get(5));
        }
    }

    private List<Segment> segments() {
        long table = elf.getLong(0x20);
        int entrySize = Short.toUnsignedInt(elf.getShort(0x36));
        int count = Short.toUnsignedInt(elf.getShort(0x38));
        List<Segment> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long header = table + (long) i * entrySize;
            index(header + 55);
            segments.add(new Segment(elf.getInt(index(header)), elf.getLong(index(header + 8)),
                    elf.getLong(index(header + 16)), elf.getLong(index(header + 32))));
        }
        return segments;
    }

    private long fileOffsetOf(long address, List<Segment> segments) {
        return segments.stream()
                .filter(s -> s.type() == PT_LOAD && address >= s.address() && address < s.address() + s.size())
                .findFirst()
                .map(s -> s.offset() + (address - s.address()))
                .orElseThrow(() -> corrupt(elf.getLong(0x20), "expected a PT_LOAD segment holding the string table "
                        + "at address 0x" + Long.toHexString(address) + ", found none"));
    }

    private int index(long offset) {
        if (offset < 0 || offset >= elf.capacity()) {
            throw corrupt(offset, "expected a position inside the " + elf.capacity() + "-byte file, found one outside");
        }
        return (int) offset;
    }

    private CorruptDataException corrupt(long offset, String problem) {
        return new CorruptDataException(source, offset, problem);
    }
}
