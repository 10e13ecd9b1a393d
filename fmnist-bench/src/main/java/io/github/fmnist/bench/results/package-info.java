/**
 * What a bench run produced, as values: per-model outcomes (complete, partial, failed, skipped), throughput, ONNX checks and the seed study's reported accuracies.
 */
package io.github.fmnist.bench.results;
