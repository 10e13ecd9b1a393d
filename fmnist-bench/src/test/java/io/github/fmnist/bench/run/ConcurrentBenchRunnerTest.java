package io.github.fmnist.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Module;
import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.bench.results.BenchResults;
import io.github.fmnist.bench.results.ModelOutcome;
import io.github.fmnist.bench.results.ModelStatus;
import io.github.fmnist.bench.toy.SyntheticBench;
import io.github.fmnist.bench.toy.ToyInterruptingProvider;
import io.github.fmnist.bench.toy.ToyRendezvousProvider;
import io.github.fmnist.bench.toy.ToySlowProvider;
import io.github.fmnist.bench.toy.ToyCentroidProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --jobs}: trainings overlap, speed measurements never overlap a training, results do not depend on it. */
class ConcurrentBenchRunnerTest {
    private static final List<String> MODELS = List.of(ToyRendezvousProvider.First.ID, ToyRendezvousProvider.Second.ID,
            ToyCentroidProvider.ID);

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        ToyRendezvousProvider.reset(30_000);
        ToySlowProvider.onStart = () -> { };
    }

    @Test
    void withTwoJobsTwoTrainingsOverlap() throws Exception {
        ToyRendezvousProvider.reset(30_000);
        BenchResults results = run(dir.resolve("two"), 2, new Intervals());
        assertEquals(List.of(ModelStatus.COMPLETE, ModelStatus.COMPLETE, ModelStatus.COMPLETE), statuses(results),
                "both rendezvous trainings met, so they ran at the same time: " + results.models());
        assertEquals(2, results.environment().jobs());
        assertTrue(Files.readString(dir.resolve("two/results.json")).contains("\"jobs\": 2"));
    }

    @Test
    void withOneJobTheRendezvousTrainingsCannotMeet() throws Exception {
        ToyRendezvousProvider.reset(300);
        BenchResults results = run(dir.resolve("one"), 1, new Intervals());
        // The first waits in vain and fails; the second then finds the meeting point already passed.
        assertEquals(List.of(ModelStatus.FAILED, ModelStatus.COMPLETE, ModelStatus.COMPLETE), statuses(results));
        assertTrue(results.models().get(0) instanceof ModelOutcome.Failed f && f.error().contains("did not run at the same time"),
                results.models().get(0).toString());
    }

    @Test
    void noSpeedMeasurementOverlapsAnyTraining() throws Exception {
        ToyRendezvousProvider.reset(30_000);
        Intervals intervals = new Intervals();
        run(dir.resolve("two"), 2, intervals);
        List<Interval> trainings = intervals.of(StageListener.Stage.TRAINING);
        List<Interval> measurements = intervals.of(StageListener.Stage.MEASUREMENT);
        assertEquals(3, trainings.size(), intervals.all.toString());
        assertEquals(3, measurements.size(), "every trained model has its speed measured: " + intervals.all);
        assertTrue(trainings.get(0).overlaps(trainings.get(1)) || trainings.get(1).overlaps(trainings.get(0)),
                "the two rendezvous trainings overlap: " + trainings);
        for (Interval m : measurements) {
            for (Interval t : trainings) {
                assertFalse(m.overlaps(t), m + " overlaps " + t);
            }
            for (Interval other : measurements) {
                assertTrue(other == m || !m.overlaps(other), m + " overlaps " + other);
            }
        }
        assertEquals(MODELS, measurements.stream().map(Interval::modelId).toList(), "measured in report order");
    }

    @Test
    void resultsAreInReportOrderAndTheSameWithOneOrTwoJobs() throws Exception {
        List<String> models = List.of(ToyCentroidProvider.ID, ToyRendezvousProvider.First.ID, ToyRendezvousProvider.Second.ID);
        ToyRendezvousProvider.reset(30_000);
        BenchResults two = run(dir.resolve("two"), 2, new Intervals(), models);
        // With one job the rendezvous models cannot meet; let them through at once to compare the rest.
        ToyRendezvousProvider.reset(30_000);
        ToyRendezvousProvider.meeting.countDown();
        ToyRendezvousProvider.meeting.countDown();
        BenchResults one = run(dir.resolve("one"), 1, new Intervals(), models);

        assertEquals(models, two.models().stream().map(ModelOutcome::modelId).toList(), "report order, not finishing order");
        assertEquals(one.models().size(), two.models().size());
        for (int i = 0; i < models.size(); i++) {
            ModelOutcome.Completed a = assertInstanceOf(ModelOutcome.Completed.class, one.models().get(i));
            ModelOutcome.Completed b = assertInstanceOf(ModelOutcome.Completed.class, two.models().get(i));
            assertEquals(a.run().hyperparameters(), b.run().hyperparameters());
            assertEquals(withoutTimes(a.run().curves()), withoutTimes(b.run().curves()), models.get(i));
            assertEquals(a.evaluation().accuracy(), b.evaluation().accuracy(), models.get(i));
            assertEquals(a.evaluation().logLoss(), b.evaluation().logLoss(), models.get(i));
            for (int row = 0; row < 10; row++) {
                assertArrayEquals(a.evaluation().confusionMatrix().counts()[row], b.evaluation().confusionMatrix().counts()[row]);
            }
            assertEquals(a.bundleFile(), b.bundleFile(), "bundle sizes differ only by the provenance time stamp");
            assertEquals(a.throughput().size(), b.throughput().size(), "the same measurements were made");
            assertEquals(a.onnx().map(o -> o.accuracy()), b.onnx().map(o -> o.accuracy()));
        }
    }

    @Test
    void cancellingTwoRunningTrainingsMarksBothPartialAndKeepsTheFinishedModel() throws Exception {
        Cancellation cancellation = new Cancellation();
        AtomicInteger slowStarted = new AtomicInteger();
        ToySlowProvider.onStart = () -> {
            if (slowStarted.incrementAndGet() == 2) {
                cancellation.request();
            }
        };
        List<String> models = List.of(ToyCentroidProvider.ID, ToySlowProvider.ID, ToySlowProvider.Twin.ID,
                ToyInterruptingProvider.ID);
        Path out = dir.resolve("cancel");
        BenchResults results = new SyntheticBench().run(
                SyntheticBench.settings(out, models, "none", "occlusion").withJobs(2), cancellation);

        assertEquals(BenchResults.RunState.INTERRUPTED, results.state());
        assertEquals(List.of(ModelStatus.COMPLETE, ModelStatus.PARTIAL, ModelStatus.PARTIAL, ModelStatus.SKIPPED),
                statuses(results), results.models().toString());
        String json = Files.readString(out.resolve("results.json"));
        assertTrue(json.contains("\"state\": \"interrupted\""), json);
        assertTrue(Files.exists(out.resolve("models/" + ToyCentroidProvider.ID + ".fmnist")), "the finished model's bundle is kept");
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.get(2).startsWith(ToySlowProvider.ID + ",") && csv.get(2).contains(",partial,"), csv.toString());
        assertTrue(csv.get(3).startsWith(ToySlowProvider.Twin.ID + ",") && csv.get(3).contains(",partial,"), csv.toString());
    }

    private BenchResults run(Path out, int jobs, Intervals intervals) throws Exception {
        return run(out, jobs, intervals, MODELS);
    }

    private static BenchResults run(Path out, int jobs, Intervals intervals, List<String> models) throws Exception {
        Module listener = binder -> binder.bind(StageListener.class).toInstance(intervals);
        return new SyntheticBench().run(SyntheticBench.settings(out, models, "none", "occlusion").withJobs(jobs),
                new Cancellation(), listener);
    }

    private static List<ModelStatus> statuses(BenchResults results) {
        return results.models().stream().map(ModelOutcome::status).toList();
    }

    private static List<List<Double>> withoutTimes(List<EpochMetrics> curves) {
        return curves.stream().map(e -> List.of((double) e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                e.validationAccuracy())).toList();
    }

    /** One stage of one model, in System.nanoTime() units. */
    private record Interval(String modelId, StageListener.Stage stage, long start, long end) {
        boolean overlaps(Interval other) {
            return start < other.end && other.start < end;
        }
    }

    /** Records every stage's interval. */
    private static final class Intervals implements StageListener {
        private final List<Interval> all = new ArrayList<>();
        private final List<Interval> open = new ArrayList<>();

        @Override
        public synchronized void started(String modelId, Stage stage) {
            open.add(new Interval(modelId, stage, System.nanoTime(), Long.MAX_VALUE));
        }

        @Override
        public synchronized void ended(String modelId, Stage stage) {
            long now = System.nanoTime();
            Interval begun = open.stream().filter(i -> i.modelId().equals(modelId) && i.stage() == stage).findFirst()
                    .orElseThrow(() -> new AssertionError(modelId + " " + stage + " ended without starting"));
            open.remove(begun);
            all.add(new Interval(modelId, stage, begun.start(), now));
        }

        synchronized List<Interval> of(Stage stage) {
            assertTrue(open.isEmpty(), "stages left open: " + open);
            return all.stream().filter(i -> i.stage() == stage)
                    .sorted(java.util.Comparator.comparingLong(Interval::start)).toList();
        }
    }
}
