package io.github.fmnist.api.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> leftovers() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void writesIntoMissingFoldersAndReplacesOldContent() throws IOException {
        Path target = dir.resolve("a/b/out.txt");
        AtomicFile.writeString(target, "first");
        AtomicFile.writeString(target, "second");
        assertEquals("second", Files.readString(target));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFile.writeString(target, "old");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("disk full (simulated)", thrown.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("shared.txt");
        AtomicFile.writeString(target, "v1");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFile.writeString(target, "v2");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotOwnerOnly() throws IOException {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFile.writeString(atomic, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(atomic));
    }

    @Test
    void copiesAStream() throws IOException {
        Path target = dir.resolve("copy.bin");
        AtomicFile.copy(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), target);
        assertEquals(3, Files.size(target));
        assertFalse(leftovers().iterator().hasNext());
    }
}
