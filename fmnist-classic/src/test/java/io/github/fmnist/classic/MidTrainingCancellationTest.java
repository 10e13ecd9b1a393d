package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.testkit.SyntheticFashion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Cancellation that arrives after training has made progress (the contract test cancels before it starts). */
class MidTrainingCancellationTest {
    private static final LabeledDataset TRAIN = SyntheticFashion.dataset(300, 11L);

    @Test
    void svmStopsBetweenPairs() {
        SvmProvider provider = new SvmProvider();
        List<TrainingEvent> events = cancelAfter(provider, provider.descriptor().defaults().with(SvmProvider.PCA_COMPONENTS, 10),
                e -> e instanceof TrainingEvent.Progress p && p.stage().equals("pairs") && p.done() >= 1);
        assertStoppedEarly(events, "pairs", 45);
    }

    @Test
    void forestStopsBetweenTreeBatches() {
        RandomForestProvider provider = new RandomForestProvider();
        List<TrainingEvent> events = cancelAfter(provider, provider.descriptor().defaults().with(RandomForestProvider.TREES, 40),
                e -> e instanceof TrainingEvent.Progress p && p.stage().equals("trees") && p.done() >= 1);
        assertStoppedEarly(events, "trees", 40);
    }

    @Test
    void mlpStopsAfterAnEpoch() {
        MlpProvider provider = new MlpProvider();
        List<TrainingEvent> events = cancelAfter(provider,
                provider.descriptor().defaults().with(MlpProvider.HIDDEN_UNITS, 16).with(MlpProvider.EPOCHS, 5),
                e -> e instanceof TrainingEvent.EpochCompleted);
        long epochs = events.stream().filter(e -> e instanceof TrainingEvent.EpochCompleted).count();
        assertTrue(epochs == 1, "expected to stop after the first epoch, saw " + epochs);
        assertFalse(events.stream().anyMatch(e -> e instanceof TrainingEvent.Finished));
    }

    private static List<TrainingEvent> cancelAfter(ModelProvider provider, Hyperparameters settings, Predicate<TrainingEvent> trigger) {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            private volatile boolean cancel;

            @Override
            public void onEvent(TrainingEvent event) {
                events.add(event);
                cancel |= trigger.test(event);
            }

            @Override
            public boolean isCancelled() {
                return cancel;
            }
        };
        assertThrows(TrainingCancelledException.class,
                () -> provider.trainer(settings).fit(new TrainingRequest(TRAIN, LabeledDataset.empty(), 3L, listener)).close());
        return events;
    }

    private static void assertStoppedEarly(List<TrainingEvent> events, String stage, long total) {
        long lastDone = events.stream().filter(e -> e instanceof TrainingEvent.Progress p && p.stage().equals(stage))
                .mapToLong(e -> ((TrainingEvent.Progress) e).done()).max().orElse(-1);
        assertTrue(lastDone >= 1 && lastDone < total, stage + " progress reached " + lastDone + " of " + total);
        assertFalse(events.stream().anyMatch(e -> e instanceof TrainingEvent.Finished), "training reported Finished");
    }
}
