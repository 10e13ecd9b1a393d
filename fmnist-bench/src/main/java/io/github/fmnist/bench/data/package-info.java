/**
 * Where a bench run's data comes from: the real Fashion-MNIST files; tests bind synthetic data instead.
 */
package io.github.fmnist.bench.data;
