package org.nd4j.nativeblas;

/**
 * Bridge for Deeplearning4j 1.0.0-M2.1's oneDNN detection. Its {@code BaseMKLDNNHelper.mklDnnEnabled()} looks
 * up {@code org.nd4j.nativeblas.Nd4jCpu$Environment#isUseMKLDNN()}, the pre-M1 name of what M2.1 ships as
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment#isUseONEDNN()}. Without this class the
 * lookup fails and every convolution silently falls back to DL4J's slow built-in implementation.
 * Not part of fmnist's API.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old-named environment, delegating to the current native one. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether libnd4j was built with oneDNN and uses it. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
