package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingBehaviourTest {

    @Test
    void eventsReportProgressAndValidationCurves() {
        List<TrainingEvent> events = new ArrayList<>();
        Hyperparameters hp = TinyTraining.cnn().with(CnnProvider.EPOCHS, 2).with(CnnProvider.VALIDATION_FRACTION, 0.25);
        new CnnProvider().trainer(hp).fit(new TrainingRequest(TinyTraining.data(128), LabeledDataset.empty(), 1, recorder(events)));
        TrainingEvent.Started started = assertInstanceOf(TrainingEvent.Started.class, events.get(0));
        assertEquals("cnn", started.modelId());
        assertEquals(2, started.epochs());
        assertEquals(3, started.iterationsPerEpoch(), "96 training examples after holding out 25%, batch 32");
        List<EpochMetrics> epochs = events.stream().filter(e -> e instanceof TrainingEvent.EpochCompleted)
                .map(e -> ((TrainingEvent.EpochCompleted) e).metrics()).toList();
        assertEquals(2, epochs.size());
        for (EpochMetrics m : epochs) {
            assertTrue(m.hasValidation(), "validation metrics expected: " + m);
            assertTrue(m.trainLoss() > 0 && m.validationLoss() > 0, m.toString());
            assertTrue(m.trainAccuracy() >= 0 && m.trainAccuracy() <= 1, m.toString());
        }
        assertEquals(6, events.stream().filter(e -> e instanceof TrainingEvent.Iteration).count());
        TrainingEvent.Finished finished = assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
        assertEquals(2, finished.bestEpoch());
    }

    @Test
    void earlyStoppingRestoresTheEpochWithTheLowestValidationLoss() {
        List<TrainingEvent> events = new ArrayList<>();
        LabeledDataset data = TinyTraining.data(320);
        LabeledDataset validation = data.slice(256, 320);
        // A learning rate far too high makes validation loss jump around, so the best epoch is rarely the last.
        Hyperparameters hp = TinyTraining.cnn().with(CnnProvider.EPOCHS, 4).with(CnnProvider.PATIENCE, 4)
                .with(CnnProvider.SCHEDULE, "constant").with(CnnProvider.LEARNING_RATE, 0.05);
        GraphClassifier classifier = (GraphClassifier) new CnnProvider().trainer(hp)
                .fit(new TrainingRequest(data.slice(0, 256), validation, 9, recorder(events)));
        List<EpochMetrics> epochs = events.stream().filter(e -> e instanceof TrainingEvent.EpochCompleted)
                .map(e -> ((TrainingEvent.EpochCompleted) e).metrics()).toList();
        EpochMetrics best = epochs.stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss())).orElseThrow();
        TrainingEvent.Finished finished = assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
        assertEquals(best.epoch(), finished.bestEpoch());
        EvaluationResult kept = EvaluationResult.of(classifier.network(), validation);
        assertEquals(best.validationLoss(), kept.loss(), 1e-9, "the classifier must hold the best epoch's parameters");
    }

    @Test
    void cancellingStopsTraining() {
        int[] iterations = {0};
        TrainingListener cancelAfterTwo = new TrainingListener() {
            @Override
            public void onEvent(TrainingEvent event) {
                if (event instanceof TrainingEvent.Iteration) {
                    iterations[0]++;
                }
            }

            @Override
            public boolean isCancelled() {
                return iterations[0] >= 2;
            }
        };
        assertThrows(TrainingCancelledException.class, () -> new CnnProvider().trainer(TinyTraining.cnn())
                .fit(new TrainingRequest(TinyTraining.data(256), LabeledDataset.empty(), 1, cancelAfterTwo)));
        assertEquals(2, iterations[0]);
    }

    @Test
    void presetsKeepTheSeedConfiguration() {
        Hyperparameters paper = new CnnProvider().descriptor().preset("paper");
        assertEquals(20, paper.get(CnnProvider.EPOCHS));
        assertEquals(1e-3, paper.get(CnnProvider.LEARNING_RATE));
        assertEquals("constant", paper.get(CnnProvider.SCHEDULE));
        assertEquals(0, paper.get(CnnProvider.SHIFT));
        assertEquals(0.0, paper.get(CnnProvider.FLIP_PROBABILITY));
        assertEquals(false, paper.get(CnnProvider.BATCH_NORM));
        Hyperparameters resnetPaper = new ResnetProvider().descriptor().preset("paper");
        assertEquals(20, resnetPaper.get(ResnetProvider.EPOCHS));
        assertEquals("32-32", resnetPaper.get(ResnetProvider.STAGE_WIDTHS));
        assertEquals(0.0, resnetPaper.get(ResnetProvider.WEIGHT_DECAY));
    }

    private static TrainingListener recorder(List<TrainingEvent> events) {
        return new TrainingListener() {
            @Override
            public void onEvent(TrainingEvent event) {
                events.add(event);
            }
        };
    }
}
