package io.github.fmnist.explain.render;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes PNG files so that readers never see a half-written one: the image goes to a temporary file in the
 * target's directory, which is then moved over the target (atomically where the file system allows).
 */
public final class AtomicPngWriter {

    private AtomicPngWriter() {
    }

    /**
     * Writes {@code image} to {@code file} as PNG, creating missing parent directories and replacing an
     * existing file. On failure the target is unchanged and no temporary file is left behind.
     */
    public static void write(RenderedImage image, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer available in this JDK");
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
