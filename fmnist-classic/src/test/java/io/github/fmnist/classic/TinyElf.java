package io.github.fmnist.classic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds minimal 64-bit little-endian ELF shared objects for tests: the file header, a PT_LOAD and a
 * PT_DYNAMIC program header, a dynamic section and its string table. Nothing a loader could run; enough for
 * {@link ElfSoname}. The load segment's addresses differ from file offsets, as in real libraries.
 */
final class TinyElf {
    static final long BASE_ADDRESS = 0x40_0000;
    private static final int HEADER = 64;
    private static final int PROGRAM_HEADER = 56;

    private TinyElf() {
    }

    /** A shared object named {@code soname} that needs {@code needed}. */
    static byte[] sharedObject(String soname, String... needed) {
        StringBuilder strings = new StringBuilder("\0");
        int[] neededOffsets = new int[needed.length];
        for (int i = 0; i < needed.length; i++) {
            neededOffsets[i] = strings.length();
            strings.append(needed[i]).append('\0');
        }
        int sonameOffset = strings.length();
        strings.append(soname).append('\0');
        return build(strings.toString(), sonameOffset, neededOffsets);
    }

    /** A shared object with the given string table, SONAME offset and needed-library offsets into it. */
    static byte[] build(String strings, int sonameOffset, int... neededOffsets) {
        byte[] table = strings.getBytes(StandardCharsets.US_ASCII);
        int entries = neededOffsets.length + 4;
        int dynamicOffset = HEADER + 2 * PROGRAM_HEADER;
        int dynamicSize = entries * 16;
        int stringsOffset = dynamicOffset + dynamicSize;
        int size = stringsOffset + table.length;
        ByteBuffer elf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        elf.putInt(0, 0x464c457f).put(4, (byte) 2).put(5, (byte) 1).put(6, (byte) 1);
        elf.putShort(16, (short) 3); // ET_DYN
        elf.putLong(0x20, HEADER).putShort(0x36, (short) PROGRAM_HEADER).putShort(0x38, (short) 2);
        programHeader(elf, HEADER, 1, 0, BASE_ADDRESS, size);
        programHeader(elf, HEADER + PROGRAM_HEADER, 2, dynamicOffset, BASE_ADDRESS + dynamicOffset, dynamicSize);
        int at = dynamicOffset;
        for (int needed : neededOffsets) {
            at = dynamicEntry(elf, at, 1, needed);
        }
        at = dynamicEntry(elf, at, 14, sonameOffset);
        at = dynamicEntry(elf, at, 5, BASE_ADDRESS + stringsOffset);
        at = dynamicEntry(elf, at, 10, table.length);
        dynamicEntry(elf, at, 0, 0);
        elf.put(stringsOffset, table);
        return elf.array();
    }

    private static void programHeader(ByteBuffer elf, int at, int type, long offset, long address, long size) {
        elf.putInt(at, type).putLong(at + 8, offset).putLong(at + 16, address).putLong(at + 24, address)
                .putLong(at + 32, size).putLong(at + 40, size);
    }

    private static int dynamicEntry(ByteBuffer elf, int at, long tag, long value) {
        elf.putLong(at, tag).putLong(at + 8, value);
        return at + 16;
    }
}
