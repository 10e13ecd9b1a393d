package io.github.fmnist.onnx.runtime;

import io.github.fmnist.api.InvalidInputException;
import io.github.fmnist.api.model.Hyperparameters;
import java.util.Locale;

/**
 * How an {@link OnnxClassifier} sets up its ONNX Runtime session.
 *
 * <pre>{@code
 * OnnxRuntimeOptions options = OnnxRuntimeOptions.defaults().withIntraOpThreads(2);
 * }</pre>
 *
 * @param intraOpThreads threads one inference may use; 0 lets ONNX Runtime choose (one per physical core).
 *                       Idle threads never spin: {@code session.intra_op.allow_spinning} is 0, which on a shared
 *                       machine keeps throughput from halving.
 * @param provider       which execution provider to try
 * @param cudaDevice     the CUDA device index when CUDA is tried
 */
public record OnnxRuntimeOptions(int intraOpThreads, ProviderPreference provider, int cudaDevice) {

    /** Which execution provider to use. */
    public enum ProviderPreference {
        /** CUDA if this ONNX Runtime build has it and a device can be opened, otherwise CPU. */
        AUTO,
        /** Always the CPU. */
        CPU,
        /** Try CUDA; if it cannot be opened, fall back to the CPU (and say so in the log). */
        CUDA
    }

    public OnnxRuntimeOptions {
        if (intraOpThreads < 0) {
            throw new InvalidInputException("intra-op thread count must be 0 (runtime's choice) or positive, found " + intraOpThreads);
        }
        if (cudaDevice < 0) {
            throw new InvalidInputException("CUDA device index must not be negative, found " + cudaDevice);
        }
        java.util.Objects.requireNonNull(provider, "provider");
    }

    /** One intra-op thread, CUDA if available, device 0: the values of {@link OnnxModelProvider}'s defaults. */
    public static OnnxRuntimeOptions defaults() {
        return fromHyperparameters(OnnxModelProvider.DEFAULTS);
    }

    public OnnxRuntimeOptions withIntraOpThreads(int threads) {
        return new OnnxRuntimeOptions(threads, provider, cudaDevice);
    }

    public OnnxRuntimeOptions withProvider(ProviderPreference preference) {
        return new OnnxRuntimeOptions(intraOpThreads, preference, cudaDevice);
    }

    public OnnxRuntimeOptions withCudaDevice(int device) {
        return new OnnxRuntimeOptions(intraOpThreads, provider, device);
    }

    /** These options as the {@code onnx} provider's hyperparameters (what a bundle records). */
    public Hyperparameters toHyperparameters() {
        return OnnxModelProvider.DEFAULTS
                .with(OnnxModelProvider.INTRA_OP_THREADS, intraOpThreads)
                .with(OnnxModelProvider.EXECUTION_PROVIDER, provider.name().toLowerCase(Locale.ROOT))
                .with(OnnxModelProvider.CUDA_DEVICE, cudaDevice);
    }

    /** Options from the {@code onnx} provider's hyperparameters. */
    public static OnnxRuntimeOptions fromHyperparameters(Hyperparameters h) {
        return new OnnxRuntimeOptions(h.get(OnnxModelProvider.INTRA_OP_THREADS),
                ProviderPreference.valueOf(h.get(OnnxModelProvider.EXECUTION_PROVIDER).toUpperCase(Locale.ROOT)),
                h.get(OnnxModelProvider.CUDA_DEVICE));
    }
}
