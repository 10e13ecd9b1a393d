package io.github.fmnist.explain.render;

import io.github.fmnist.api.file.AtomicFile;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
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
        AtomicFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this JDK");
            }
        });
    }
}
