package io.github.fmnist.bench.progress;

import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * A training listener for the terminal: draws a progress bar from the trainer's events, collects the
 * per-epoch metrics for the report's curves, and reports cancellation (Ctrl-C) to the trainer.
 */
public final class TrainingProgress implements TrainingListener {
    private final String modelId;
    private final ProgressLine line;
    private final BooleanSupplier cancelled;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private int plannedEpochs = 1;
    private long iterationsPerEpoch;
    private double lastLoss = Double.NaN;

    public TrainingProgress(String modelId, ProgressLine line, BooleanSupplier cancelled) {
        this.modelId = modelId;
        this.line = line;
        this.cancelled = cancelled;
    }

    @Override
    public synchronized void onEvent(TrainingEvent event) {
        switch (event) {
            case TrainingEvent.Started s -> {
                plannedEpochs = Math.max(1, s.epochs());
                iterationsPerEpoch = s.iterationsPerEpoch();
                line.update(label(), 0, 1, "starting");
            }
            case TrainingEvent.Iteration it -> {
                lastLoss = it.loss();
                if (iterationsPerEpoch > 0) {
                    long done = (it.epoch() - 1L) * iterationsPerEpoch + it.iteration();
                    line.update(label(), done, (long) plannedEpochs * iterationsPerEpoch,
                            String.format(Locale.ROOT, "e%d/%d loss %.4f", it.epoch(), plannedEpochs, it.loss()));
                }
            }
            case TrainingEvent.EpochCompleted e -> {
                EpochMetrics m = e.metrics();
                epochs.add(m);
                String validation = m.hasValidation()
                        ? String.format(Locale.ROOT, " val loss %.4f acc %.4f", m.validationLoss(), m.validationAccuracy())
                        : "";
                line.update(label(), m.epoch(), plannedEpochs, String.format(Locale.ROOT, "e%d/%d loss %.4f acc %.4f%s",
                        m.epoch(), plannedEpochs, m.trainLoss(), m.trainAccuracy(), validation), true);
            }
            case TrainingEvent.Progress p -> line.update(label(), p.done(), p.total(), p.stage() + " " + p.done() + "/" + p.total());
            case TrainingEvent.Finished f -> {
                line.update(label(), 1, 1, String.format(Locale.ROOT, "done in %.1f s", f.elapsed().toMillis() / 1000.0));
                line.end(label());
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** The epochs completed so far, in order. */
    public synchronized List<EpochMetrics> epochs() {
        return List.copyOf(epochs);
    }

    /** The last mini-batch loss seen, or NaN. */
    public synchronized double lastLoss() {
        return lastLoss;
    }

    /** Takes this training's bar off the progress line (after a failure or cancellation). */
    public void end() {
        line.end(label());
    }

    /** The model id first, so concurrent trainings' plain log lines are told apart at a glance. */
    private String label() {
        return String.format(Locale.ROOT, "%-8s train", modelId);
    }
}
