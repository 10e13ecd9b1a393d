package io.github.fmnist.bench.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.api.model.TrainingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private TrainingProgress progress(boolean interactive, AtomicBoolean cancelled) {
        return new TrainingProgress("cnn", new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), interactive),
                cancelled::get);
    }

    private static void feed(TrainingProgress p) {
        p.onEvent(new TrainingEvent.Started("cnn", 2, 4));
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int i = 1; i <= 4; i++) {
                p.onEvent(new TrainingEvent.Iteration(epoch, i, 1.0 / (epoch * i)));
            }
            p.onEvent(new TrainingEvent.EpochCompleted(new EpochMetrics(epoch, 0.5 / epoch, 0.8, 0.6 / epoch, 0.75, Duration.ofSeconds(1))));
        }
        p.onEvent(new TrainingEvent.Finished(Duration.ofSeconds(2), 2));
    }

    @Test
    void collectsEpochCurvesAndPassesCancellationThrough() {
        AtomicBoolean cancelled = new AtomicBoolean();
        TrainingProgress p = progress(false, cancelled);
        feed(p);
        assertEquals(2, p.epochs().size());
        assertEquals(0.25, p.epochs().get(1).trainLoss());
        assertFalse(p.isCancelled());
        cancelled.set(true);
        assertTrue(p.isCancelled());
    }

    @Test
    void plainLinesWithoutATerminal() {
        feed(progress(false, new AtomicBoolean()));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "no carriage returns in logs");
        assertTrue(text.contains("cnn      train") && text.contains("100%") && text.contains("val loss"), text);
        assertTrue(text.lines().count() <= 6, "a few lines, not one per iteration:\n" + text);
    }

    @Test
    void aRedrawnBarOnATerminal() {
        feed(progress(true, new AtomicBoolean()));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\r") && text.contains("[####"), text);
        assertTrue(text.contains("done in 2.0 s"), text);
        assertTrue(text.endsWith(System.lineSeparator()), "the bar is ended with a newline");
    }
}
