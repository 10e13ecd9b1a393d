/**
 * The photo benchmark ({@code fmnist photo-bench}): Fashion-MNIST test images staged as shop photos in several
 * styles by a deterministic renderer, imported by fmnist-data's importer and classified, next to the same images'
 * clean accuracy.
 */
package io.github.fmnist.bench.photos;
