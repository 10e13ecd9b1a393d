package io.github.fmnist.classic;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.eval.Evaluation;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.Hyperparameters;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.FashionMnistData;
import io.github.fmnist.data.split.StratifiedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Measures the classic models on the real Fashion-MNIST split: train on the training set, predict the test
 * set, print accuracy and wall times. Run with {@code ./mvnw -pl fmnist-classic -Pmeasure test-compile exec:java}
 * and {@code -Dmeasure.args="logreg,svm default [trainSize] [key=value ...]"}; not part of the test run.
 */
public final class ClassicMeasurement {
    private ClassicMeasurement() {
    }

    public static void main(String[] args) {
        List<String> ids = List.of((args.length > 0 ? args[0] : "logreg,svm,rf,mlp,knn").split(","));
        String preset = args.length > 1 ? args[1] : "default";
        int trainSize = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        List<String> overrides = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            overrides.add(args[i]);
        }
        FashionMnistData data = FashionMnist.load();
        LabeledDataset train = trainSize > 0 ? StratifiedSample.sample(data.train(), trainSize, 1L) : data.train();
        LabeledDataset test = data.test();
        System.out.printf(Locale.ROOT, "data %s: train %d, test %d; %d cores; java %s%n", data.source(), train.size(),
                test.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        double totalSeconds = 0;
        List<String> fallbacks = new ArrayList<>();
        for (String id : ids) {
            double[] result = measure(id, preset, overrides, train, test);
            totalSeconds += result[1];
            Double target = TARGETS.get(id);
            if (trainSize == 0 && "default".equals(preset) && target != null && result[0] < target && FALLBACKS.containsKey(id)) {
                fallbacks.add(id);
            }
        }
        System.out.printf(Locale.ROOT, "total train+predict %.0f s%n", totalSeconds);
        for (String id : fallbacks) {
            System.out.println("fallback for " + id + " (below its target " + TARGETS.get(id) + "):");
            measure(id, preset, FALLBACKS.get(id), train, test);
        }
    }

    /** Accuracy targets of the default presets on the full split (issue #4). */
    private static final Map<String, Double> TARGETS = Map.of("logreg", 0.842, "svm", 0.885, "rf", 0.873, "mlp", 0.880, "knn", 0.854);
    /** Settings tried when a default misses its target, so a measured alternative is at hand. */
    private static final Map<String, List<String>> FALLBACKS = Map.of(
            "logreg", List.of("standardize=false", "max-iterations=200"),
            "rf", List.of("trees=150"),
            "mlp", List.of("epochs=40"));

    /** Trains and evaluates one model; returns accuracy and train+predict seconds. */
    private static double[] measure(String id, String preset, List<String> overrides, LabeledDataset train, LabeledDataset test) {
        ModelProvider provider = ServiceLoader.load(ModelProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("no model " + id));
        Hyperparameters hp = provider.descriptor().preset(preset);
        for (String o : overrides) {
            String[] kv = o.split("=", 2);
            if (hp.asText().containsKey(kv[0])) {
                hp = hp.with(kv[0], kv[1]);
            }
        }
        long t0 = System.nanoTime();
        Classifier classifier = provider.trainer(hp).fit(new TrainingRequest(train, LabeledDataset.empty(), 42L,
                new TrainingListener() {
                    @Override
                    public void onEvent(TrainingEvent event) {
                        if (event instanceof TrainingEvent.EpochCompleted e) {
                            System.out.printf(Locale.ROOT, "  %s epoch %d: sample loss %.4f acc %.4f (%d s)%n", id,
                                    e.metrics().epoch(), e.metrics().trainLoss(), e.metrics().trainAccuracy(),
                                    e.metrics().elapsed().toSeconds());
                        } else if (event instanceof TrainingEvent.Progress p && p.done() == p.total()) {
                            System.out.printf(Locale.ROOT, "  %s %s done (%.0f s)%n", id, p.stage(),
                                    (System.nanoTime() - t0) / 1e9);
                        }
                    }
                }));
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        double accuracy = Evaluation.of(classifier, test).accuracy();
        double predictSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f%% | %.0f s | %.1f s |%n", id, preset, hp.asText(),
                100 * accuracy, trainSeconds, predictSeconds);
        classifier.close();
        return new double[] {accuracy, trainSeconds + predictSeconds};
    }
}
