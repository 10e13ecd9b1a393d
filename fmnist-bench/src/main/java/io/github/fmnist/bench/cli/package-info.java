/**
 * The {@code fmnist} command line (picocli): models, bench, train, evaluate, predict, explain and export-onnx, with exit codes 0 ok, 1 failure, 2 usage, 130 interrupted.
 */
package io.github.fmnist.bench.cli;
