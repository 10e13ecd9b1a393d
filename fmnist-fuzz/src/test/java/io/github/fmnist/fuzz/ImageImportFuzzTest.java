package io.github.fmnist.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.fmnist.api.Image;
import io.github.fmnist.data.imageio.ImageImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Picture files (PNG, JPEG, BMP, GIF seeds, mutated) through the public {@link ImageImporter}. */
class ImageImportFuzzTest {
    private static final List<byte[]> PICTURES = Seeds.pictures();
    private static final ImageImporter IMPORTER = new ImageImporter();
    private static Path dir;

    @BeforeAll
    static void folder() throws Exception {
        dir = Files.createTempDirectory("fmnist-fuzz-pictures-");
    }

    @AfterAll
    static void tidy() throws Exception {
        TempFiles.deleteTree(dir);
    }

    @FuzzTest
    void importsPicture(FuzzedDataProvider data) throws Exception {
        byte[] input = Mutation.apply(PICTURES.get(data.consumeInt(0, PICTURES.size() - 1)), data);
        Path file = Files.write(dir.resolve("fuzzed.img"), input);
        Invariant.holds(() -> {
            Image image = IMPORTER.importImage(file);
            Invariant.check(image.pixels().length == Image.PIXELS, image.pixels().length + " pixels");
        });
    }
}
