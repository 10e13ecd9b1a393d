package io.github.fmnist.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.model.Prediction.ClassProbability;
import io.github.fmnist.data.imageio.PngExporter;
import io.github.fmnist.testkit.SyntheticFashion;
import io.github.fmnist.testkit.fixture.NearestCentroidProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoClassifierTest {
    private static final LabeledDataset DATA = SyntheticFashion.dataset(200, 5L);

    @Test
    void aPictureFileStreamAndImageAllGiveTheModelsTopClasses(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("item.png");
        PngExporter.write(DATA.images().get(0), 4, png);
        try (PhotoClassifier photos = PhotoClassifier.of(NearestCentroidProvider.train(DATA))) {
            List<ClassProbability> fromFile = photos.classify(png);
            assertEquals(3, fromFile.size());
            assertTrue(fromFile.get(0).probability() >= fromFile.get(1).probability()
                    && fromFile.get(1).probability() >= fromFile.get(2).probability(), fromFile.toString());
            assertEquals(photos.model().predict(photos.convert(png)).top(3), fromFile);
            try (InputStream in = Files.newInputStream(png)) {
                assertEquals(fromFile, photos.classify(in));
            }
            assertEquals(fromFile, photos.classify(javax.imageio.ImageIO.read(png.toFile())));
            assertEquals(fromFile.subList(0, 1), photos.withTop(1).classify(png));
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheReason(@TempDir Path dir) {
        PhotoClassifier photos = PhotoClassifier.of(NearestCentroidProvider.train(DATA));
        assertThrows(InvalidInputException.class, () -> photos.withTop(0));
        assertThrows(InvalidInputException.class, () -> photos.withTop(11));
        InvalidInputException notAPicture = assertThrows(InvalidInputException.class,
                () -> photos.classify(new ByteArrayInputStream("not a picture".getBytes())));
        assertTrue(notAPicture.getMessage().contains("not a readable image"), notAPicture.getMessage());
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> photos.classify(dir.resolve("none.jpg")));
        assertTrue(missing.getMessage().contains("none.jpg"), missing.getMessage());
    }
}
