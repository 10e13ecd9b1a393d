package io.github.fmnist.bench.cli;

import io.github.fmnist.api.explain.ExplainerDescriptor;
import io.github.fmnist.api.explain.ExplainerProvider;
import io.github.fmnist.api.model.Hyperparameter;
import io.github.fmnist.api.model.ModelDescriptor;
import io.github.fmnist.api.model.ModelProvider;
import io.github.fmnist.api.registry.PluginRegistry;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists the model and explainer plugins on the class path, with their presets and hyperparameters.")
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Option(names = {"-l", "--long"}, description = "Also list every hyperparameter with its value in the default preset and its meaning.")
    boolean details;

    @Override
    public Integer call() {
        PluginRegistry registry = root.injector(java.util.Optional.empty()).getInstance(PluginRegistry.class);
        PrintStream out = root.out();
        out.println("Models:");
        if (registry.models().isEmpty()) {
            out.println("  (none found)");
        }
        for (ModelProvider p : registry.models()) {
            ModelDescriptor d = p.descriptor();
            out.printf("  %-10s %-30s %-8s v%-6s %s presets %s%n", d.id(), d.displayName(), d.family(), d.version(),
                    d.trainable() ? "trainable," : "load-only,", d.presets().keySet());
            if (details) {
                out.println("      " + d.description());
                for (Hyperparameter<?> h : d.hyperparameters()) {
                    out.printf("      --set %s.%s=%s   (%s) %s%n", d.id(), h.name(), d.defaults().get(h),
                            h.type().getSimpleName(), h.description());
                }
            }
        }
        out.println("Explainers:");
        if (registry.explainers().isEmpty()) {
            out.println("  (none found)");
        }
        for (ExplainerProvider p : registry.explainers()) {
            ExplainerDescriptor d = p.descriptor();
            out.printf("  %-10s %-30s v%-6s %s%n", d.id(), d.displayName(), d.version(),
                    d.modelAgnostic() ? "any model" : "needs a capability (e.g. convolution gradients)");
            if (details) {
                out.println("      " + d.description());
            }
        }
        if (!registry.problems().isEmpty()) {
            out.println("Problems:");
            registry.problems().forEach(p -> out.println("  " + p));
        }
        return ExitCodes.OK;
    }
}
