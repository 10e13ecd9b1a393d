package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.CorruptDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElfSonameTest {

    @Test
    void bundledOpenBlasGetsTheNameSmileAsksFor() throws IOException {
        String name = OpenBlasCache.resourceFolder("linux-x86_64") + OpenBlasCache.BUNDLED_LIBRARY;
        byte[] library;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " should be on the test class path (org.bytedeco:openblas:linux-x86_64)");
            library = in.readAllBytes();
        }
        assertEquals("libopenblas.so.0", ElfSoname.read(name, library));
        byte[] renamed = ElfSoname.rename(name, library, "libopenblas.so");
        assertEquals("libopenblas.so", ElfSoname.read(name, renamed));
        assertEquals(library.length, renamed.length);
        // Only the trailing ".0" of the name changes, to NULs.
        List<Integer> changed = differences(library, renamed);
        assertEquals(2, changed.size(), "changed bytes at " + changed);
        assertEquals(changed.get(0) + 1, changed.get(1));
        assertEquals(0, renamed[changed.get(0)]);
        assertEquals(0, renamed[changed.get(1)]);
        assertEquals("libopenblas.so.0", ElfSoname.read(name, library), "the input is not modified");
    }

    @Test
    void renameKeepsTheNeededLibraries() {
        byte[] elf = TinyElf.sharedObject("libfoo.so.1", "libm.so.6", "libc.so.6");
        byte[] renamed = ElfSoname.rename("tiny", elf, "libfoo.so");
        assertEquals("libfoo.so", ElfSoname.read("tiny", renamed));
        String before = new String(elf, StandardCharsets.ISO_8859_1);
        String after = new String(renamed, StandardCharsets.ISO_8859_1);
        assertTrue(before.contains("\0libm.so.6\0libc.so.6\0libfoo.so.1\0"), before);
        assertTrue(after.contains("\0libm.so.6\0libc.so.6\0libfoo.so\0\0\0"), after);
    }

    @Test
    void sameLengthRenameReplacesTheWholeName() {
        byte[] renamed = ElfSoname.rename("tiny", TinyElf.sharedObject("libabc.so"), "libxyz.so");
        assertEquals("libxyz.so", ElfSoname.read("tiny", renamed));
    }

    @Test
    void longerOrEmptyNameIsRefused() {
        byte[] elf = TinyElf.sharedObject("libfoo.so");
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> ElfSoname.rename("tiny", elf, "libfoo.so.1"));
        assertTrue(longer.getMessage().contains("at most 9 characters"), longer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ElfSoname.rename("tiny", elf, ""));
    }

    @Test
    void renameIsRefusedWhenAnotherNameSharesTheChangedBytes() {
        // "libbar.so.0" at 1; a needed entry pointing at its tail ".0" (offset 10) shares the bytes a rename changes.
        byte[] elf = TinyElf.build("\0libbar.so.0\0", 1, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElfSoname.rename("tiny", elf, "libbar.so"));
        assertTrue(e.getMessage().contains("shares its bytes"), e.getMessage());
    }

    @Test
    void notAnElfFileIsCorruptAtOffsetZero() {
        byte[] text = new byte[100];
        Arrays.fill(text, (byte) 'x');
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> ElfSoname.read("notes.txt", text));
        assertEquals("notes.txt", e.source());
        assertEquals(0L, e.offset().orElseThrow());
        assertTrue(e.getMessage().contains("expected an ELF file"), e.getMessage());
        assertThrows(CorruptDataException.class, () -> ElfSoname.read("empty", new byte[0]));
    }

    @Test
    void thirtyTwoBitElfIsRefusedAtTheClassByte() {
        byte[] elf = TinyElf.sharedObject("libfoo.so");
        elf[4] = 1;
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> ElfSoname.read("tiny32", elf));
        assertEquals(4L, e.offset().orElseThrow());
    }

    @Test
    void truncatedFileIsCorrupt() {
        byte[] elf = TinyElf.sharedObject("libfoo.so");
        byte[] truncated = Arrays.copyOf(elf, 200);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> ElfSoname.read("cut", truncated));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void missingSonameIsReported() {
        byte[] elf = TinyElf.sharedObject("libfoo.so");
        // Turn the DT_SONAME entry (tag 14, right after the header and two program headers) into DT_INIT (12).
        int dynamic = 64 + 2 * 56;
        assertEquals(14, elf[dynamic]);
        elf[dynamic] = 12;
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> ElfSoname.read("nameless", elf));
        assertTrue(e.getMessage().contains("expected a DT_SONAME entry"), e.getMessage());
        assertEquals((long) dynamic, e.offset().orElseThrow());
    }

    private static List<Integer> differences(byte[] a, byte[] b) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                at.add(i);
            }
        }
        return at;
    }
}
