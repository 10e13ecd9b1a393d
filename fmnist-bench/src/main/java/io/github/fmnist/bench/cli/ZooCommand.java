package io.github.fmnist.bench.cli;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.zoo.FashionZoo;
import io.github.fmnist.zoo.ZooEntry;
import io.github.fmnist.zoo.ZooMetrics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "zoo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the pretrained models of the zoo (fmnist-zoo and any ZooProvider on the class path) with their "
                + "test figures; 'zoo build' regenerates fmnist-zoo's files from a bench run.", ""},
        subcommands = ZooBuildCommand.class,
        footer = {"", "Examples:", "  fmnist zoo", "  fmnist zoo --long", "  fmnist predict boot.jpg      # uses the zoo's best model"})
final class ZooCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Option(names = {"-l", "--long"}, description = "Also show provenance, files, per-class F1 and the command that made each entry.")
    boolean details;

    @Override
    public Integer call() {
        PrintStream out = root.out();
        out.printf(Locale.ROOT, "%-10s %9s %9s %9s %10s  %s%n", "id", "accuracy", "macro F1", "log-loss", "ONNX size", "description");
        String best = FashionZoo.entries().isEmpty() ? "" : FashionZoo.best().id();
        for (ZooEntry e : FashionZoo.entries()) {
            ZooMetrics m = e.metrics();
            out.printf(Locale.ROOT, "%-10s %8.2f%% %9.4f %9.4f %7.1f MB  %s%s%n", e.id(), 100 * m.accuracy(), m.macroF1(),
                    m.logLoss(), e.onnx().size() / 1e6, e.description(), e.id().equals(best) ? "  (best: fmnist predict's default)" : "");
            if (details) {
                out.printf(Locale.ROOT, "    %d of %d test images correct; provider %s; trained with fmnist %s%n", m.correct(),
                        m.testImages(), e.providerId(), e.fmnistVersion());
                out.println("    provenance: seed " + e.provenance().seed() + ", " + e.provenance().epochs() + " epochs, "
                        + e.provenance().threads() + " thread(s), " + e.provenance().createdAt() + "; " + e.provenance().split());
                e.provenance().datasetSha256().forEach((name, sha) -> out.println("      " + name + " sha256 " + sha));
                out.println("    onnx   " + e.onnx().name() + " " + e.onnx().size() + " bytes sha256 " + e.onnx().sha256());
                e.bundleFile().ifPresent(b -> out.println("    bundle " + b.name() + " " + b.size() + " bytes sha256 " + b.sha256()));
                StringBuilder f1 = new StringBuilder("    F1:");
                for (FashionClass c : FashionClass.values()) {
                    f1.append(String.format(Locale.ROOT, " %s %.3f;", c.displayName(), m.f1(c)));
                }
                out.println(f1);
                out.println("    made by: " + e.command());
            }
        }
        if (!FashionZoo.problems().isEmpty()) {
            out.println("Problems:");
            FashionZoo.problems().forEach(p -> out.println("  " + p));
        }
        return ExitCodes.OK;
    }
}
