package io.github.fmnist.bench.cli;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.bundle.BundleManifest;
import io.github.fmnist.api.bundle.BundleUpgrader;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.ModelInfo;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "upgrade-bundle", mixinStandardHelpOptions = true,
        description = {"Converts a bundle that an older plugin version wrote, and that the current one refuses, into the "
                + "current format (for example an fmnist-classic 1.x bundle, whose payload is Java-serialised, into plain "
                + "numbers). Reading the old format means trusting the file: only convert files you made or got from "
                + "someone you trust, and say so with --trust-java-serialization.", ""},
        footer = {"", "Example:", "  fmnist upgrade-bundle --trust-java-serialization old/svm.fmnist svm.fmnist"})
final class UpgradeBundleCommand implements Callable<Integer> {
    @ParentCommand
    FmnistCommand root;

    @Parameters(index = "0", paramLabel = "IN", description = "The old bundle (.fmnist); it is left as it is.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The converted bundle to write; replaced if it exists.")
    Path output;

    @Option(names = "--trust-java-serialization",
            description = "Confirm that you trust IN enough to let the upgrade deserialise it (required).")
    boolean trusted;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input.toString());
        }
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new UsageException("OUT must differ from IN, so the original stays as it is: " + output);
        }
        BundleManifest manifest = ModelBundle.readManifest(input);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        BundleUpgrader upgrader = BundleUpgrader.find(manifest, loader != null ? loader : getClass().getClassLoader())
                .orElseThrow(() -> new IncompatibleModelException(input + ": no plugin on the class path converts bundles of provider '"
                        + manifest.providerId() + "' " + manifest.providerVersion() + "; if it loads as it is, it needs no upgrade"));
        if (!trusted) {
            throw new UsageException("converting " + input + " means " + upgrader.risk()
                    + ", which can run for minutes or worse on a hostile file; if you trust it, add --trust-java-serialization");
        }
        ModelInfo info = upgrader.upgrade(input, output);
        root.out().printf(Locale.ROOT, "%s: %s %s -> %s (%s %s, %.2f MB)%n", input, manifest.providerId(), manifest.providerVersion(),
                output.toAbsolutePath(), info.providerId(), info.providerVersion(), Files.size(output) / 1e6);
        return ExitCodes.OK;
    }
}
