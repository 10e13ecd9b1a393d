package io.github.fmnist.onnx.runtime;

/** The ONNX Runtime execution provider a session runs on. */
public enum ExecutionProvider {
    /** The default CPU provider (MLAS kernels). */
    CPU,
    /** NVIDIA CUDA; needs the {@code onnxruntime_gpu} jar (Maven profile {@code -Pgpu}), CUDA 12, cuDNN 9 and a device. */
    CUDA
}
