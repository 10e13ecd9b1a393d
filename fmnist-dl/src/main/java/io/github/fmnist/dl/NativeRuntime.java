package io.github.fmnist.dl;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Process-wide settings of the ND4J native runtime that the plugins rely on.
 *
 * <p>oneDNN: Deeplearning4j M2.1 creates no layer helpers unless the system property
 * {@value #HELPERS_PROPERTY} is {@code false}, and finds oneDNN only through the bridge class
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} shipped in this module. The property is set only if the user
 * has not set it, so {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} still turns oneDNN off.
 *
 * <p>Threads: the OpenMP thread count is global to the process; results are bit-identical only for a fixed
 * count, so trainers pin it when asked to.
 */
final class NativeRuntime {
    static final String HELPERS_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private NativeRuntime() {
    }

    /** Allows DL4J's oneDNN layer helpers; call before networks are created. */
    static void enableOneDnn() {
        if (System.getProperty(HELPERS_PROPERTY) == null) {
            System.setProperty(HELPERS_PROPERTY, "false");
        }
    }

    /**
     * The native threads a training uses: the {@code threads} hyperparameter if set, else the runtime's default
     * ({@code OMP_NUM_THREADS} or the core count), never more than the request's thread budget.
     */
    static int threadsWithin(int hyperparameter, int budget) {
        int wanted = hyperparameter > 0 ? hyperparameter : runtimeDefault();
        return Math.max(1, Math.min(wanted, budget));
    }

    private static int runtimeDefault() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            try {
                int n = Integer.parseInt(omp.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // OpenMP ignores a malformed value too
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Sets the native thread count; {@code 0} leaves the runtime's choice (OMP_NUM_THREADS or the core count). */
    static void useThreads(int threads) {
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
    }
}
