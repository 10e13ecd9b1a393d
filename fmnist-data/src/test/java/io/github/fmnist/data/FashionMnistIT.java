package io.github.fmnist.data;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.data.split.StratifiedSplit;
import io.github.fmnist.data.split.TrainValidationSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real dataset from the Debian package (apt-get install dataset-fashion-mnist). */
class FashionMnistIT {
    private static FashionMnistData data;

    @BeforeAll
    static void load() {
        assertTrue(Files.isDirectory(FashionMnist.DEBIAN_DIRECTORY),
                "install the data first: apt-get install dataset-fashion-mnist");
        data = FashionMnist.load(FashionMnist.DEBIAN_DIRECTORY);
    }

    @Test
    void sizesAndClassBalanceAreThePublishedOnes() {
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6_000);
        int[] oneThousand = new int[10];
        Arrays.fill(oneThousand, 1_000);
        assertArrayEquals(sixThousand, data.train().classCounts());
        assertArrayEquals(oneThousand, data.test().classCounts());
    }

    @Test
    void checksumsAreTheOfficialOnes() {
        assertEquals(DatasetFiles.OFFICIAL_SHA256, data.sha256());
        assertEquals(FashionMnist.DEBIAN_DIRECTORY.toAbsolutePath().toString(), data.source());
    }

    @Test
    void firstTrainingExampleIsAnAnkleBoot() {
        // label 9 is the first training label of the official files; its image is not blank
        assertEquals(9, data.train().label(0));
        int sum = Arrays.stream(toInts(data.train().images().get(0).pixels())).sum();
        assertTrue(sum > 10_000, "ink in the first image: " + sum);
    }

    @Test
    void stratifiedValidationSplitOfTheRealTrainingSet() {
        TrainValidationSplit split = StratifiedSplit.split(data.train(), 0.1, 42L);
        int[] sixHundred = new int[10];
        Arrays.fill(sixHundred, 600);
        assertArrayEquals(sixHundred, split.validation().classCounts());
        LabeledDataset again = StratifiedSplit.split(data.train(), 0.1, 42L).validation();
        assertEquals(split.validation(), again);
    }

    private static int[] toInts(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}
