package io.github.fmnist.bench.cli;

import io.github.fmnist.api.file.AtomicFile;
import io.github.fmnist.data.imageio.ImportedPicture;
import io.github.fmnist.data.imageio.PngExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes what predict's model saw of a picture: the 28×28 image, and picture, mask and image side by side. */
final class InputViews {
    /** Enlargement of the 28×28 image file. */
    static final int SCALE = 8;

    private InputViews() {
    }

    /** Writes {@code NAME.28x28.png} and {@code NAME.steps.png} for {@code source} into {@code folder}. */
    static void write(ImportedPicture imported, Path source, Path folder) throws IOException {
        Files.createDirectories(folder);
        String name = baseName(source);
        PngExporter.write(imported.image(), SCALE, folder.resolve(name + ".28x28.png"));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(imported.sideBySide(), "png", png)) {
            throw new IllegalStateException("the Java runtime has no PNG writer");
        }
        AtomicFile.write(folder.resolve(name + ".steps.png"), png.toByteArray());
    }

    /** The file name without its extension, with the parent folder's name in front when there is one. */
    static String baseName(Path source) {
        String file = source.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        Path parent = source.getParent();
        return parent == null || parent.getFileName() == null ? stem : parent.getFileName() + "-" + stem;
    }
}
