import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the training thread did, from a JFR recording of a DL4J training run: CPU-time samples
 * (jdk.CPUTimeSample, JDK 25) of the thread running GraphTrainer.fit, Java stack included while in native code,
 * split by the DL4J phase on the stack; plus GC pauses and sampled Java allocation.
 * Usage: java fmnist-dl/profiling/JfrPhases.java RECORDING.jfr
 */
public final class JfrPhases {
    private static final Map<String, List<String>> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("metrics listener (logits copied to Java)", List.of("BatchMetrics"));
        PHASES.put("loss and score", List.of("computeScore", "LossMCXENT", "calcRegularizationScore"));
        PHASES.put("backward pass", List.of("ComputationGraph.calcBackpropGradients"));
        PHASES.put("forward pass", List.of("ComputationGraph.ffToLayerActivationsInWS"));
        PHASES.put("updater (Adam, weight decay)", List.of("BaseMultiLayerUpdater.update", "StepFunction", "applyUpdate"));
        PHASES.put("score and gradient bookkeeping", List.of("computeGradientAndScore", "BaseOptimizer.gradientAndScore"));
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> phases = new TreeMap<>();
        Map<String, Long> leaves = new TreeMap<>();
        Map<String, Long> sites = new TreeMap<>();
        Map<String, Long> layers = new TreeMap<>();
        long gcNanos = 0;
        long gcCount = 0;
        long allocated = 0;
        long total = 0;
        long recomputed = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcNanos += e.getDuration("sumOfPauses").toNanos();
                gcCount++;
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                allocated += e.getLong("weight");
                if (e.getStackTrace() != null) {
                    String site = e.getStackTrace().getFrames().stream().limit(4).map(JfrPhases::name)
                            .collect(Collectors.joining(" < "));
                    sites.merge(site, e.getLong("weight"), Long::sum);
                }
            } else if (type.equals("jdk.CPUTimeSample") && e.getStackTrace() != null) {
                List<String> frames = e.getStackTrace().getFrames().stream().map(JfrPhases::name).collect(Collectors.toList());
                if (frames.stream().noneMatch(f -> f.contains("GraphTrainer.fit"))
                        || frames.stream().anyMatch(f -> f.contains("ComputationGraph.init") || f.contains("NativeRuntime")
                        || f.contains("ComputationGraph.<init>") || f.contains("Architecture"))) {
                    continue;
                }
                total++;
                if (frames.stream().anyMatch(f -> f.endsWith("MKLDNNConvHelper.preOutput"))
                        && frames.stream().anyMatch(f -> f.endsWith("ConvolutionLayer.backpropGradient"))) {
                    recomputed++;
                }
                boolean inFit = frames.stream().anyMatch(f -> f.contains("ComputationGraph.fit"));
                String phase = inFit ? "other inside fit (solver, workspace set-up, clearing)"
                        : "Java-side batching, augmentation, array creation, events";
                outer:
                for (Map.Entry<String, List<String>> p : inFit ? PHASES.entrySet() : Map.<String, List<String>>of().entrySet()) {
                    for (String f : frames) {
                        for (String key : p.getValue()) {
                            if (f.contains(key)) {
                                phase = p.getKey();
                                break outer;
                            }
                        }
                    }
                }
                phases.merge(phase, 1L, Long::sum);
                leaves.merge(frames.get(0), 1L, Long::sum);
                frames.stream().filter(f -> f.startsWith("org.deeplearning4j.nn.layers.")).findFirst()
                        .ifPresent(f -> layers.merge(f.substring(f.lastIndexOf('.', f.lastIndexOf('.') - 1) + 1), 1L, Long::sum));
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU-time samples of the training thread%n%n", total);
        System.out.println("| training thread, by phase | share |\n|---|---|");
        long t = total;
        phases.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(p -> System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", p.getKey(), 100.0 * p.getValue() / t));
        System.out.printf(Locale.ROOT, "%nconvolution forward passes recomputed inside backprop: %.1f %%%n", 100.0 * recomputed / t);
        System.out.println("\nby DL4J layer method (innermost on the stack):");
        layers.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %% %s%n", 100.0 * p.getValue() / t, p.getKey()));
        System.out.println("\ntop leaf Java frames (native methods stand for the kernels they call):");
        leaves.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %% %s%n", 100.0 * p.getValue() / t, p.getKey()));
        System.out.printf(Locale.ROOT, "%nGC: %d collections, %.1f ms of pauses; sampled Java allocation %.1f MB%n",
                gcCount, gcNanos / 1e6, allocated / 1e6);
        sites.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %7.1f MB %s%n", p.getValue() / 1e6, p.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
