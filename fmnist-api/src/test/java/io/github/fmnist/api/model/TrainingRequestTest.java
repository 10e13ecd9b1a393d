package io.github.fmnist.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.DataOrigin;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.ImageBatch;
import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.Provenance;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRequestTest {
    private static LabeledDataset examples(int n) {
        Image[] images = new Image[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            images[i] = Image.of(new byte[Image.PIXELS]);
            labels[i] = i % 10;
        }
        return LabeledDataset.of(ImageBatch.of(java.util.List.of(images)), labels);
    }

    @Test
    void defaultsToEveryProcessorAndNoValidation() {
        TrainingRequest r = TrainingRequest.of(examples(3), 7);
        assertEquals(Runtime.getRuntime().availableProcessors(), r.threads());
        assertTrue(r.validation().isEmpty());
        assertSame(TrainingListener.NONE, r.listener());
    }

    @Test
    void withersChangeOneThing() {
        TrainingListener listener = new TrainingListener() {
        };
        LabeledDataset validation = examples(2);
        TrainingRequest r = TrainingRequest.of(examples(3), 7).withThreads(1).withListener(listener).withValidation(validation);
        assertEquals(1, r.threads());
        assertSame(listener, r.listener());
        assertSame(validation, r.validation());
        assertEquals(7, r.seed());
    }

    @Test
    void refusesAnEmptyBudget() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TrainingRequest.of(examples(3), 7).withThreads(0));
        assertTrue(e.getMessage().contains("at least 1 thread"), e.getMessage());
    }

    @Test
    void provenanceComesFromTheDataItsTrainedOn() {
        DataOrigin files = new DataOrigin(Map.of("train-images-idx3-ubyte", "aa", "train-labels-idx1-ubyte", "bb"), "a sample");
        LabeledDataset train = examples(20).withOrigin(files);
        Provenance p = TrainingRequest.of(train, 42).withThreads(2).provenance(5, 1);
        assertEquals(files.sha256(), p.datasetSha256());
        assertEquals("a sample", p.split());
        assertEquals(42, p.seed());
        assertEquals(5, p.epochs());
        assertEquals(1, p.threads());
    }

    @Test
    void aValidationSetFromElsewhereIsNamedToo() {
        LabeledDataset train = examples(20).withOrigin(new DataOrigin(Map.of("a", "1"), "train part"));
        LabeledDataset validation = examples(5).withOrigin(new DataOrigin(Map.of("b", "2"), "validation part"));
        DataOrigin origin = TrainingRequest.of(train, 1).withValidation(validation).origin();
        assertEquals(Map.of("a", "1", "b", "2"), origin.sha256());
        assertEquals("train part; validation part", origin.description());
    }

    @Test
    void selectionsKeepTheFilesAndSayWhatWasTaken() {
        LabeledDataset data = examples(20).withOrigin(new DataOrigin(Map.of("f", "9"), "Fashion-MNIST train (20)"));
        LabeledDataset some = data.select(new int[] {3, 4, 5});
        assertEquals(Map.of("f", "9"), some.origin().sha256());
        assertEquals("3 selected of Fashion-MNIST train (20)", some.origin().description());
        assertEquals("examples 0..10 of Fashion-MNIST train (20)", data.slice(0, 10).origin().description());
    }
}
