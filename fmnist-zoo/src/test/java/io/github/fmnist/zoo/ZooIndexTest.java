package io.github.fmnist.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.TamperedModelException;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooIndexTest {
    @TempDir
    Path dir;

    @Test
    void anIndexReadsBackAsWritten() throws IOException {
        byte[] model = {1, 2, 3, 4, 5};
        try (URLClassLoader loader = ZooFolders.folder(dir, "z", model, ZooFolders.sha256(model), model.length)) {
            ZooResources resources = new ZooResources(loader, "z");
            List<ZooEntry> entries = ZooIndex.read(resources);
            assertEquals(1, entries.size());
            ZooEntry e = entries.get(0);
            assertEquals(ZooFolders.entry("toy", ZooFolders.file(model), resources), e);
            assertEquals(0.5, e.metrics().accuracy());
            assertEquals(50, e.metrics().correct());
            assertArrayEquals(model, e.read(e.onnx()));
            assertEquals(ZooIndex.format(entries), Files.readString(dir.resolve("z").resolve(ZooIndex.FILE)));
        }
    }

    @Test
    void aChangedByteIsCaughtBeforeAnythingParsesIt() throws IOException {
        byte[] model = {1, 2, 3, 4, 5};
        byte[] tampered = {1, 2, 3, 4, 6};
        try (URLClassLoader loader = ZooFolders.folder(dir, "z", tampered, ZooFolders.sha256(model), model.length)) {
            ZooEntry e = ZooIndex.read(new ZooResources(loader, "z")).get(0);
            TamperedModelException thrown = assertThrows(TamperedModelException.class, () -> e.read(e.onnx()));
            assertTrue(thrown.getMessage().contains("SHA-256: expected " + ZooFolders.sha256(model) + ", found "
                    + ZooFolders.sha256(tampered)), thrown.getMessage());
            assertTrue(thrown.getMessage().contains("toy.onnx"), thrown.getMessage());
        }
    }

    @Test
    void aFileLongerOrShorterThanDeclaredIsCaught() throws IOException {
        byte[] model = {1, 2, 3, 4, 5};
        try (URLClassLoader loader = ZooFolders.folder(dir, "z", model, ZooFolders.sha256(model), 4)) {
            ZooEntry e = ZooIndex.read(new ZooResources(loader, "z")).get(0);
            TamperedModelException thrown = assertThrows(TamperedModelException.class, () -> e.read(e.onnx()));
            assertTrue(thrown.getMessage().contains("size: expected 4 bytes, found more"), thrown.getMessage());
        }
        try (URLClassLoader loader = ZooFolders.folder(dir, "y", model, ZooFolders.sha256(model), 9)) {
            ZooEntry e = ZooIndex.read(new ZooResources(loader, "y")).get(0);
            TamperedModelException thrown = assertThrows(TamperedModelException.class, () -> e.read(e.onnx()));
            assertTrue(thrown.getMessage().contains("size: expected 9 bytes, found 5"), thrown.getMessage());
        }
    }

    @Test
    void aMissingFileOrIndexIsNamed() throws IOException {
        byte[] model = {7};
        try (URLClassLoader loader = ZooFolders.folder(dir, "z", model, ZooFolders.sha256(model), 1)) {
            Files.delete(dir.resolve("z").resolve("toy.onnx"));
            ZooEntry e = ZooIndex.read(new ZooResources(loader, "z")).get(0);
            TamperedModelException thrown = assertThrows(TamperedModelException.class, () -> e.read(e.onnx()));
            assertTrue(thrown.getMessage().contains("z/toy.onnx: declared in the zoo index but missing"), thrown.getMessage());
            assertThrows(TamperedModelException.class, () -> ZooIndex.read(new ZooResources(loader, "elsewhere")));
        }
    }

    @Test
    void anIndexWithoutAKeyNamesIt() throws IOException {
        byte[] model = {7};
        try (URLClassLoader loader = ZooFolders.folder(dir, "z", model, ZooFolders.sha256(model), 1)) {
            Path index = dir.resolve("z").resolve(ZooIndex.FILE);
            Files.writeString(index, Files.readString(index).replaceAll("(?m)^toy\\.metric\\.test\\.correct=.*\\n", ""));
            IncompatibleModelException thrown = assertThrows(IncompatibleModelException.class,
                    () -> ZooIndex.read(new ZooResources(loader, "z")));
            assertTrue(thrown.getMessage().contains("lacks key 'toy.metric.test.correct'"), thrown.getMessage());
        }
    }
}
