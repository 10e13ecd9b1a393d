package io.github.fmnist.classic;

import io.github.fmnist.api.FmnistException;
import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import io.github.fmnist.data.FashionMnist;
import io.github.fmnist.data.split.StratifiedSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the bundle formats: for each classic model at its default settings, trained on a stratified sample of the
 * real training set, the size of a 1.0 bundle (Java-serialised) and of the converted 2.0 bundle (plain numbers), and
 * the median time of five loads each way (1.0: read and deserialise through the filter; 2.0: the registry). Then the
 * nested-maps payload of issue 16 at a few depths: deserialised by the 1.0 path, and refused by the 2.0 loader. Run
 * with {@code ./mvnw -pl fmnist-classic -Pmeasure test-compile exec:exec -Dmeasure.main=io.github.fmnist.classic.BundleFormatMeasurement
 * -Dmeasure.args="10000"}; not part of the test run.
 */
public final class BundleFormatMeasurement {
    private BundleFormatMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int trainSize = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<String> ids = List.of((args.length > 1 ? args[1] : "logreg,svm,rf,mlp,knn").split(","));
        LabeledDataset train = StratifiedSample.sample(FashionMnist.load().train(), trainSize, 1L);
        Path dir = Files.createTempDirectory("fmnist-format-measure");
        PluginRegistry registry = PluginRegistry.discover();
        System.out.printf(Locale.ROOT, "train %d images, default settings; %d cores; java %s%n", train.size(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.println("model   1.0 bundle (MB)  2.0 bundle (MB)  1.0 load (ms)  2.0 load (ms)");
        for (ModelProvider provider : HostileClassicBundlesTest.providers()) {
            if (!ids.contains(provider.id())) {
                continue;
            }
            Path old = dir.resolve(provider.id() + "-1.fmnist");
            Path current = dir.resolve(provider.id() + "-2.fmnist");
            OneDotXBundles.write(provider, train, old, true);
            JavaSerializedBundles.upgrade(old, current);
            double oldMs = median(() -> {
                ModelBundle bundle = ModelBundle.read(old);
                for (String name : bundle.payloadNames()) {
                    SmileModelSerializer.deserialize(bundle.readAllBytes(name), Object.class, name);
                }
            });
            double newMs = median(() -> {
                try (Classifier ignored = registry.loadClassifier(current)) {
                    // load only
                }
            });
            System.out.printf(Locale.ROOT, "%-7s %15.2f  %15.2f  %13.0f  %13.0f%n", provider.id(), Files.size(old) / 1e6,
                    Files.size(current) / 1e6, oldMs, newMs);
        }
        System.out.println("nested maps  payload (bytes)  1.0 deserialise (ms)  2.0 refuse (ms)");
        for (int depth : new int[] {20, 22, 24, 26}) {
            byte[] payload = JavaSerialization.serialize(NestedMaps.of(depth));
            Path hostile = RawBundle.write(dir.resolve("maps-" + depth + ".fmnist"),
                    RawBundle.info(new SvmProvider(), ClassicModels.VERSION), Map.of(SmileClassifier.MODEL_ENTRY, payload));
            long start = System.nanoTime();
            SmileModelSerializer.deserialize(payload, Object.class, "maps");
            double oldMs = (System.nanoTime() - start) / 1e6;
            double newMs = median(() -> {
                try {
                    registry.loadClassifier(hostile).close();
                    throw new IllegalStateException("loaded a hostile bundle");
                } catch (FmnistException expected) {
                    // refused
                }
            });
            System.out.printf(Locale.ROOT, "depth %-5d %15d  %20.0f  %15.1f%n", depth, payload.length, oldMs, newMs);
        }
    }

    private interface Task {
        void run() throws Exception;
    }

    private static double median(Task task) throws Exception {
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
