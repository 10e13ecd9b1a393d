package io.github.fmnist.classic;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps OpenBLAS 0.3.19 (the version Deeplearning4j M2.1 pins, and the one fmnist-classic bundles for Smile) off
 * its SkylakeX kernels. In that
 * version's DYNAMIC_ARCH builds, which the jar's is, some double-precision SkylakeX kernels give wrong results
 * (OpenMathLib/OpenBLAS issues 2986 and 3454, fixed in 0.3.21): on an AVX-512 machine Smile's PCA came out wrong
 * and PCA + SVM fell from above 78 % to 74.6 % accuracy, PCA + k-NN from above 75 % to 71.5 % ({@code ClassicModelsIT}).
 * OpenBLAS reads {@code OPENBLAS_CORETYPE} once, when the library is loaded, so this sets it to {@code Haswell}
 * (AVX2 kernels, which every AVX-512 processor runs) in the process environment just before, unless the user set
 * it. Processors without AVX-512 are left to OpenBLAS's own choice.
 *
 * <p>The variable is process-wide: an OpenBLAS loaded later in the same process (ND4J's, for Deeplearning4j's dense
 * layers) gets the Haswell kernels too, which changes the low bits of single-precision products, not their
 * correctness. fmnist-dl compiles for Java 21, where the foreign-function API needed for {@code setenv} is a
 * preview, so it cannot do the same for itself.
 */
final class OpenBlasCoreType {
    /** The environment variable OpenBLAS reads at load time. */
    static final String VARIABLE = "OPENBLAS_CORETYPE";
    static final String SAFE_CORE = "Haswell";

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasCoreType.class);
    private static final Pattern AVX512 = Pattern.compile("^flags\\s*:.*\\bavx512f\\b", Pattern.MULTILINE);

    private static boolean applied;

    private OpenBlasCoreType() {
    }

    /**
     * The core type to force: {@code Haswell} on an x86-64 processor with AVX-512 when the user has not chosen
     * one, else nothing.
     *
     * @param platform the JavaCPP platform, e.g. {@code linux-x86_64}
     * @param userChoice {@code OPENBLAS_CORETYPE} as the process was started with, or null
     * @param cpuinfo the text of {@code /proc/cpuinfo}
     */
    static Optional<String> toForce(String platform, String userChoice, String cpuinfo) {
        if (!platform.equals("linux-x86_64") || (userChoice != null && !userChoice.isBlank())) {
            return Optional.empty();
        }
        return AVX512.matcher(cpuinfo).find() ? Optional.of(SAFE_CORE) : Optional.empty();
    }

    /**
     * Sets {@value #VARIABLE} in this process's environment, if {@link #toForce} says so; call before an OpenBLAS
     * library is loaded. Idempotent; never throws.
     *
     * @param platform the JavaCPP platform of the library about to be loaded ({@link BundledOpenBlas#platform})
     */
    @SuppressWarnings("restricted") // setenv through the foreign-function API; native access is enabled for fmnist
    static synchronized void applyBeforeLoading(String platform) {
        if (applied) {
            return;
        }
        applied = true;
        String cpuinfo;
        try {
            cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not read /proc/cpuinfo ({}); OpenBLAS picks its kernels itself", e.toString());
            return;
        }
        Optional<String> core = toForce(platform, System.getenv(VARIABLE), cpuinfo);
        if (core.isEmpty()) {
            return;
        }
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            int status = (int) setenv.invokeExact(arena.allocateFrom(VARIABLE), arena.allocateFrom(core.get()), 0);
            if (status == 0) {
                LOG.info("{}={} for OpenBLAS 0.3.19: its SkylakeX double-precision kernels give wrong"
                        + " results on AVX-512 processors (set {} yourself to choose)", VARIABLE, core.get(), VARIABLE);
            } else {
                LOG.warn("setenv({}) failed; OpenBLAS may use its faulty SkylakeX kernels", VARIABLE);
            }
        } catch (Throwable e) {
            LOG.warn("could not set {} ({}); OpenBLAS may use its faulty SkylakeX kernels", VARIABLE, e.toString());
        }
    }
}
